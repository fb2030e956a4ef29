import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '@/lib/editor/extensions';
import { exportParts, type ExportDocument } from '@/lib/export/document';
import { CHAR_SPACE, IMPRINT_RULES, MARK_SERIALIZERS, NODE_SERIALIZERS, renderDocx } from '@/lib/export/docx';
import { renderText } from '@/lib/export/text';
import { readReportFile } from '@/lib/import/read';
import { parseReport } from '@/lib/domain/parse';
import { docFromReportText, docToText } from '@/lib/domain/tiptap-doc';
import { FIXTURE } from '../../fixtures/export-document';


async function unzip(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const read = (name: string) => zip.file(name)!.async('string');
  return { zip, document: await read('word/document.xml'), settings: await read('word/settings.xml'), styles: await read('word/styles.xml'), read };
}

/** Each <w:p> of the body with its text joined, for targeted assertions. */
function paragraphs(xml: string): Array<{ xml: string; text: string }> {
  return [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => ({
    xml: m[0],
    text: [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}
const para = (ps: ReturnType<typeof paragraphs>, text: string) => {
  const found = ps.find((x) => x.text === text);
  if (!found) throw new Error(`no paragraph "${text}" in ${ps.map((x) => x.text).join(' | ')}`);
  return found.xml;
};

describe('.docx export', () => {
  let submit: Awaited<ReturnType<typeof unzip>>;
  let ps: ReturnType<typeof paragraphs>;
  beforeAll(async () => {
    submit = await unzip(await renderDocx(FIXTURE, 'submit'));
    ps = paragraphs(submit.document);
  });

  it('has a serializer for every node and mark of the editor schema', () => {
    const schema = reportSchema();
    expect(Object.keys(schema.nodes).filter((n) => !(n in NODE_SERIALIZERS))).toEqual([]);
    expect(Object.keys(schema.marks).filter((m) => !(m in MARK_SERIALIZERS))).toEqual([]);
  });

  it('is A4 with margins 37/35/28/26 mm in twips', () => {
    expect(submit.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(submit.document)![1]!;
    expect(mar).toContain('w:top="2097"');
    expect(mar).toContain('w:bottom="1984"');
    expect(mar).toContain('w:left="1587"');
    expect(mar).toContain('w:right="1474"');
  });

  it('lays the section on a character grid of 22 lines × 28 characters, with no run condensed, the title off the grid', () => {
    // (442.25 pt / 28 − 16 pt) × 4096 = −841.1, rounded down: 28 pitches of 16 − 842/4096 pt fit the 156 mm line.
    expect(CHAR_SPACE).toBe(-842);
    expect(28 * (16 + CHAR_SPACE / 4096)).toBeLessThanOrEqual(442.25);
    expect(28 * (16 + (CHAR_SPACE + 1) / 4096)).toBeGreaterThan(442.25);
    expect(submit.document).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"\/>/);
    // Nothing is condensed run by run: what the drafter types gets the same 28 a line.
    expect(submit.document).not.toMatch(/<w:spacing w:val="-?\d+"\/>/);
    expect(para(ps, '法治政府建设情况的报告')).toContain('<w:snapToGrid w:val="false"/>');
    // The Normal style carries the body size (the grid is reckoned from it) and LibreOffice's 98 % glyph width.
    expect(submit.styles).toMatch(/<w:style w:type="paragraph" w:styleId="Normal"[\s\S]*?<w:w w:val="98"\/>[\s\S]*?<w:sz w:val="32"\/>/);
  });

  it('takes body paragraphs with half-width digits or letters off the character grid, justified, the others on it', () => {
    // LibreOffice widens a stretch of half-width text to whole grid cells ("2025" in three): off the grid it keeps its width.
    const withDigits = para(ps, '2025年，示例镇坚持依法行政。现将我镇2025年度法治政府建设情况报告如下：');
    expect(withDigits).toMatch(/<w:pPr>[\s\S]*<w:snapToGrid w:val="0"\/>[\s\S]*<\/w:pPr>/);
    expect(withDigits).toContain('<w:snapToGrid w:val="false"/>');
    expect(withDigits).toContain('<w:jc w:val="both"/>');
    const chinese = para(ps, '普法形式单一。');
    expect(chinese).not.toContain('snapToGrid');
    expect(chinese).toContain('<w:jc w:val="both"/>');
  });

  it('sets the title in 2号 方正小标宋简体, centred, keeping the drafter’s line break and breaking a too-long line between words', () => {
    // The second line (about 20.4 characters wide) does not fit 156 mm at 2号: it is broken at 年度, not inside a word.
    for (const line of ['中共示例镇委员会 示例镇人民政府', '关于示例镇2025年度', '法治政府建设情况的报告']) {
      const x = para(ps, line);
      expect(x).toContain('<w:jc w:val="center"/>');
      expect(x).toContain('w:eastAsia="方正小标宋简体"');
      expect(x).toContain('<w:sz w:val="44"/>');
    }
  });

  it('puts the recipient flush left and body text in 3号 仿宋_GB2312 with a 2-character indent at the grid’s fixed 28.95 pt pitch', () => {
    const r = para(ps, '中共示例县委、示例县人民政府：');
    expect(r).not.toContain('w:firstLine');
    expect(r).not.toContain('<w:jc ');
    const body = para(ps, '全年召开党委会专题研究法治建设4次。');
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toMatch(/w:firstLine="630"[^>]*w:firstLineChars="200"|w:firstLineChars="200"[^>]*w:firstLine="630"/);
    // 22 lines in the 225 mm type area: 579 twips (580 made 22 lines 225.1 mm, so only 21 fitted).
    expect(body).toMatch(/<w:spacing [^>]*w:line="579"[^>]*w:lineRule="exact"/);
  });

  it('uses 黑体 for part headings, 楷体_GB2312 for （一） and 仿宋 for 1., with numbering made full-width', () => {
    expect(para(ps, '一、2025年度推进法治政府建设的主要举措和成效')).toContain('w:eastAsia="黑体"');
    expect(para(ps, '（一）加强组织领导')).toContain('w:eastAsia="楷体_GB2312"');
    expect(ps.some((x) => x.text.startsWith('(一)'))).toBe(false);
    expect(para(ps, '1.健全领导机构')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(para(ps, '调整充实领导小组。')).toContain('<w:b/>');
  });

  it('numbers the parts officially: without a part 三 the plans stay 四', () => {
    expect(exportParts(FIXTURE).map((x) => x.heading)).toEqual([
      null,
      '一、2025年度推进法治政府建设的主要举措和成效',
      '二、2025年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
      '三、2025年度推进法治政府建设存在的不足和原因',
      '四、2026年度推进法治政府建设的主要安排',
    ]);
    const noShortcomings = { ...FIXTURE, sections: { ...FIXTURE.sections, shortcomings: null } };
    expect(exportParts(noShortcomings).map((x) => x.heading?.slice(0, 2) ?? null)).toEqual([null, '一、', '二、', '四、']);
    const noLeaders = { ...FIXTURE, sections: { ...FIXTURE.sections, leaders: null, other: docFromReportText('无。') } };
    expect(exportParts(noLeaders).map((x) => x.heading?.slice(0, 2) ?? null)).toEqual([null, '一、', '三、', '四、', '五、']);
  });

  it('writes the table and the list', () => {
    expect(submit.document).toContain('<w:tbl>');
    expect(para(ps, '执法检查')).toBeTruthy();
    expect(ps.some((x) => x.text.includes('宪法宣传周'))).toBe(true);
  });

  it('puts the date four characters in from the right and centres each organ over it (GB/T 9704 7.3.5)', () => {
    const right = (t: string) => Number(/<w:ind [^>]*w:right="(\d+)"/.exec(para(ps, t))![1]);
    for (const t of ['中共示例镇委员会', '示例镇人民政府', '2026年1月9日']) expect(para(ps, t)).toContain('<w:jc w:val="right"/>');
    // 2026年1月9日 is 6 characters wide: its centre is 4 + 3 characters from the margin, and so is each organ's.
    expect(right('2026年1月9日')).toBe(4 * 315);
    expect(right('中共示例镇委员会') + (8 / 2) * 315).toBe(7 * 315);
    expect(right('示例镇人民政府') + (7 / 2) * 315).toBeCloseTo(7 * 315, -1);
    expect(submit.document).not.toContain('2026年01月09日');
  });

  it('keeps the body’s last paragraph and the 落款 together so the 成文日期 never stands alone on a page', () => {
    const last = para(ps, '2026年开展普法活动20场。');
    expect(last).toContain('<w:keepNext/>');
    expect(last).toContain('<w:keepLines/>');
    expect(last).toContain('<w:widowControl/>');
    for (const t of ['中共示例镇委员会', '示例镇人民政府']) expect(para(ps, t)).toMatch(/<w:keepNext\/>[\s\S]*<w:keepLines\/>/);
    // A paragraph in the middle of the report is not tied to the next one.
    expect(para(ps, '镇党委书记亲自部署法治建设。')).not.toContain('<w:keepNext/>');
  });

  it('repeats a table’s header row on each page and keeps it with the first row', () => {
    const header = /<w:tr>([\s\S]*?)<\/w:tr>/.exec(submit.document)![1]!;
    expect(header).toMatch(/<w:trPr>[\s\S]*<w:cantSplit\/>[\s\S]*<w:tblHeader\/>[\s\S]*<\/w:trPr>|<w:trPr>[\s\S]*<w:tblHeader\/>[\s\S]*<w:cantSplit\/>[\s\S]*<\/w:trPr>/);
    for (const p of paragraphs(header)) expect(p.xml).toContain('<w:keepNext/>');
    const data = [...submit.document.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)][1]![1]!;
    expect(data).not.toContain('<w:tblHeader/>');
  });

  it('prints half-width punctuation of the 报送稿 and 公开稿 the Chinese way, and the 修订稿 as stored', async () => {
    const typed = '对照<法治政府建设实施纲要(2021-2025年)>,全年办理案件12件;金额1,000元。';
    const d = { ...FIXTURE, sections: { ...FIXTURE.sections, leaders: docFromReportText(typed) } };
    for (const variant of ['submit', 'public'] as const) {
      const xs = paragraphs((await unzip(await renderDocx(d, variant))).document);
      expect(xs.some((x) => x.text === '对照《法治政府建设实施纲要（2021—2025年）》，全年办理案件12件；金额1,000元。'), variant).toBe(true);
    }
    const revisions = paragraphs((await unzip(await renderDocx(d, 'revisions'))).document);
    expect(revisions.some((x) => x.text === typed.replace('<', '&lt;').replace('>', '&gt;'))).toBe(true);
    expect(renderText(d, 'public', 'txt')).toContain('《法治政府建设实施纲要（2021—2025年）》，');
  });

  /** The 版记: the last table of the body, floating at the foot of the type area. */
  const imprintTable = (xml: string) => xml.slice(xml.lastIndexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>'));

  it('adds the 版记 (抄送) in 4号 at the foot of the last page, between rules, for the 报送稿 only', async () => {
    const cc = para(ps, '抄送：示例县委全面依法治县委员会办公室。');
    expect(cc).toContain('<w:sz w:val="28"/>');
    // A table floating at the bottom of the type area (w:tblpPr), as wide as the type area, starting at its left edge.
    const table = imprintTable(submit.document);
    expect(table).toContain('抄送：示例县委全面依法治县委员会办公室。');
    const pos = /<w:tblpPr ([^>]*)\/>/.exec(table)![1]!;
    expect(pos).toContain('w:vertAnchor="margin"');
    expect(pos).toContain('w:tblpYSpec="bottom"');
    expect(pos).toContain('w:horzAnchor="page"');
    expect(pos).toContain('w:tblpX="1587"');
    expect(table).toContain('<w:tblW w:type="dxa" w:w="8845"/>');
    // Alone in the 版记, the 抄送 line lies between the two thick rules; no rules at the sides.
    expect(table).toMatch(new RegExp(`<w:top w:val="single" [^>]*w:sz="${IMPRINT_RULES.thick}"/>`));
    expect(table).toMatch(new RegExp(`<w:bottom w:val="single" [^>]*w:sz="${IMPRINT_RULES.thick}"/>`));
    expect(table).toMatch(/<w:left w:val="none"/);
    expect(table).toMatch(/<w:right w:val="none"/);
    // The label is added when the drafter wrote the names only.
    const bare = paragraphs((await unzip(await renderDocx({ ...FIXTURE, cc: '县司法局' }, 'submit'))).document);
    expect(bare.some((x) => x.text === '抄送：县司法局')).toBe(true);
    const pub = paragraphs((await unzip(await renderDocx(FIXTURE, 'public'))).document);
    expect(pub.some((x) => x.text.includes('抄送'))).toBe(false);
    expect(pub.some((x) => x.text.includes('中共示例县委、示例县人民政府：'))).toBe(false);
  });

  it('adds the 印发机关 and 印发日期 line when asked: thick first and last rules, a thin one between (GB/T 9704 7.4)', async () => {
    const doc = (await unzip(await renderDocx(FIXTURE, 'submit', { imprint: true }))).document;
    const xs = paragraphs(doc);
    const line = para(xs, '示例镇党政办公室2026年1月9日印发');
    // Both lines rows of the one floating table: thick rules above and below, a thin one between the rows.
    const table = imprintTable(doc);
    expect(table.match(/<w:tr>/g)).toHaveLength(2);
    expect(table).toContain('抄送：示例县委全面依法治县委员会办公室。');
    expect(table).toContain(line);
    expect(table).toMatch(new RegExp(`<w:top w:val="single" [^>]*w:sz="${IMPRINT_RULES.thick}"/>`));
    expect(table).toMatch(new RegExp(`<w:bottom w:val="single" [^>]*w:sz="${IMPRINT_RULES.thick}"/>`));
    expect(table).toMatch(new RegExp(`<w:insideH w:val="single" [^>]*w:sz="${IMPRINT_RULES.thin}"/>`));
    expect(IMPRINT_RULES.thick).toBeGreaterThan(IMPRINT_RULES.thin);
    // The organ one character in from the left, the date against a right tab one character in from the right.
    expect(line).toContain('<w:tab/>');
    expect(line).toMatch(/<w:tab w:val="right" w:pos="\d+"\/>/);
    // Not asked for, not in the 公开稿, and not without a 成文日期 to date it.
    expect(ps.some((x) => x.text.includes('印发'))).toBe(false);
    const pub = paragraphs((await unzip(await renderDocx(FIXTURE, 'public', { imprint: true }))).document);
    expect(pub.some((x) => x.text.includes('印发'))).toBe(false);
    const undated = paragraphs((await unzip(await renderDocx({ ...FIXTURE, documentDate: null }, 'submit', { imprint: true }))).document);
    expect(undated.some((x) => x.text.includes('印发'))).toBe(false);
  });

  it('numbers pages "— N —" in 4号宋体, odd pages right and even pages left', async () => {
    expect(submit.settings).toContain('<w:evenAndOddHeaders/>');
    const rels = submit.document;
    const def = /<w:footerReference w:type="default" r:id="([^"]+)"/.exec(rels)![1];
    const even = /<w:footerReference w:type="even" r:id="([^"]+)"/.exec(rels)![1];
    const relXml = await submit.read('word/_rels/document.xml.rels');
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(relXml)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(relXml)![1];
    const odd = await submit.read(`word/${target(def!)}`);
    const evenXml = await submit.read(`word/${target(even!)}`);
    for (const [xml, jc] of [
      [odd, 'right'],
      [evenXml, 'left'],
    ] as const) {
      expect(xml).toContain(`<w:jc w:val="${jc}"/>`);
      expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(xml).toContain('— ');
      expect(xml).toContain(' —');
      expect(xml).toContain('w:eastAsia="宋体"');
      expect(xml).toContain('<w:sz w:val="28"/>');
    }
  });
});

describe('round trip: export to .docx, import the file', () => {
  // Headings, paragraphs and marks; tables and lists in the next test.
  const PROSE: ExportDocument = {
    ...FIXTURE,
    sections: { ...FIXTURE.sections, measures: docFromReportText('（一）加强组织领导\n全年召开党委会专题研究法治建设4次。\n1.健全领导机构\n调整充实领导小组。') },
  };

  it('gives back every section’s text exactly', async () => {
    const buf = await renderDocx(PROSE, 'submit');
    const parsed = parseReport(await readReportFile(buf, '示例镇.docx'));
    for (const key of ['preface', 'measures', 'leaders', 'shortcomings', 'plans'] as const) {
      expect(parsed.sections[key], key).toBe(docToText(PROSE.sections[key]!));
    }
    expect(parsed.unplaced).toEqual([]);
    expect(parsed.title).toBe('中共示例镇委员会 示例镇人民政府关于示例镇2025年度法治政府建设情况的报告');
    expect(parsed.recipient).toBe('中共示例县委、示例县人民政府：');
    expect(parsed.signature).toMatchObject({ organs: ['中共示例镇委员会', '示例镇人民政府'], date: '2026-01-09' });
    expect(parsed.year).toBe(2025);
  });

  it('brings tables back as tables and bulleted items as a list: the body text is unchanged', async () => {
    const parsed = parseReport(await readReportFile(await renderDocx(FIXTURE, 'submit'), 'x.docx'));
    expect(parsed.sections.measures).toBe(
      '（一）加强组织领导\n全年召开党委会专题研究法治建设4次。\n1.健全领导机构\n调整充实领导小组。\n项目\t数量\n执法检查\t136次\n• 宪法宣传周',
    );
    const back = docFromReportText(parsed.sections.measures!);
    // The one change is the export's: the fixture's half-width (一) is written full-width.
    expect(docToText(back)).toBe(docToText(FIXTURE.sections.measures!).replace('(一)', '（一）'));
    expect(back.content?.map((n) => n.type)).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'table', 'bulletList']);
    expect(() => reportSchema().nodeFromJSON(back).check()).not.toThrow();
  });

  it('the Markdown and text exports carry the same parts', () => {
    const md = renderText(FIXTURE, 'public', 'md');
    expect(md).toContain('## 三、2025年度推进法治政府建设存在的不足和原因');
    expect(md).toContain('| 执法检查 | 136次 |');
    expect(md).not.toContain('抄送');
    const txt = renderText(FIXTURE, 'submit', 'txt');
    const back = parseReport(txt);
    expect(back.sections.plans).toBe('（一）深化普法\n2026年开展普法活动20场。');
  });
});
