import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '@/lib/editor/extensions';
import { exportParts, type ExportDocument } from '@/lib/export/document';
import { MARK_SERIALIZERS, NODE_SERIALIZERS, renderDocx } from '@/lib/export/docx';
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

  it('lays the section on the GB/T 9704 grid: 22 lines a page, body text 28 characters a line, the title off the grid', () => {
    expect(submit.document).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    // 3号 body text is tracked 0.25 pt tighter, so 28 characters fit the 156 mm line (28 × 15.75 pt = 441 pt ≤ 442.2 pt).
    expect(para(ps, '全年召开党委会专题研究法治建设4次。')).toContain('<w:spacing w:val="-5"/>');
    expect(para(ps, '法治政府建设情况的报告')).toContain('<w:snapToGrid w:val="false"/>');
    // The Normal style carries the body size too (the grid is reckoned from it).
    expect(submit.styles).toMatch(/<w:style w:type="paragraph" w:styleId="Normal"[\s\S]*?<w:sz w:val="32"\/>/);
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
    expect(body).toContain('w:firstLine="640"');
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

  it('numbers the parts by their place: without a part 五 the plans stay 四', () => {
    expect(exportParts(FIXTURE).map((x) => x.heading)).toEqual([
      null,
      '一、2025年度推进法治政府建设的主要举措和成效',
      '二、2025年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
      '三、2025年度推进法治政府建设存在的不足和原因',
      '四、2026年度推进法治政府建设的主要安排',
    ]);
    const noShortcomings = { ...FIXTURE, sections: { ...FIXTURE.sections, shortcomings: null } };
    expect(exportParts(noShortcomings).at(-1)!.heading).toBe('三、2026年度推进法治政府建设的主要安排');
  });

  it('writes the table and the list', () => {
    expect(submit.document).toContain('<w:tbl>');
    expect(para(ps, '执法检查')).toBeTruthy();
    expect(ps.some((x) => x.text.includes('宪法宣传周'))).toBe(true);
  });

  it('right-aligns the signature and writes the date without zero padding', () => {
    for (const t of ['中共示例镇委员会', '示例镇人民政府', '2026年1月9日']) expect(para(ps, t)).toContain('<w:jc w:val="right"/>');
    expect(submit.document).not.toContain('2026年01月09日');
  });

  it('adds the 版记 (抄送) in 4号 at the foot of the last page, between rules, for the 报送稿 only', async () => {
    const cc = para(ps, '抄送：示例县委全面依法治县委员会办公室。');
    expect(cc).toContain('<w:sz w:val="28"/>');
    expect(cc).toMatch(/<w:framePr [^>]*w:yAlign="bottom"[^>]*\/>|<w:framePr [^>]*w:vAnchor="margin"[^>]*\/>/);
    expect(cc).toMatch(/<w:pBdr><w:top [^>]*\/><w:bottom [^>]*\/><\/w:pBdr>/);
    // The label is added when the drafter wrote the names only.
    const bare = paragraphs((await unzip(await renderDocx({ ...FIXTURE, cc: '县司法局' }, 'submit'))).document);
    expect(bare.some((x) => x.text === '抄送：县司法局')).toBe(true);
    const pub = paragraphs((await unzip(await renderDocx(FIXTURE, 'public'))).document);
    expect(pub.some((x) => x.text.includes('抄送'))).toBe(false);
    expect(pub.some((x) => x.text.includes('中共示例县委、示例县人民政府：'))).toBe(false);
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
