// 公开前检查 over the whole 公开稿 through the real route: the ten planted items spread over what the public page prints
// — the title, a part heading, part text, a table, the 落款 — each stop 登记公开 with its place named, the report stays
// unpublished (the public record answers 404), and with a reason for each it goes out. 主送 is not in the 公开稿.
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as postTransition } from '@/app/api/reports/[id]/transitions/route';
import { GET as recordRoute } from '@/app/(public)/public/reports/[id]/record/route';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/domain/permissions';
import { loadEditorData, saveMeta, saveSection } from '@/lib/drafting/service';
import { docFromText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import { transitionReport } from '@/lib/review/transitions';
import { setActor } from '../../support/mock-session';
import { worldWithDraft, type World } from '../../support/db';
import { PLANTED } from '../../support/planted';

let db: Db, w: World, reportId: number;
beforeEach(async () => {
  ({ db, w, reportId } = await worldWithDraft());
});

const line = (i: number) => PLANTED[i]![0];
const cell = (text: string): TiptapNode => ({ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const table = (rows: string[][]): TiptapNode => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: '补偿款发放情况如下：' }] },
    { type: 'table', content: rows.map((r) => ({ type: 'tableRow', content: r.map(cell) })) },
  ],
});

async function save(key: string, content: TiptapNode) {
  const version = (await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === key)!.version;
  await saveSection(db, w.drafterA1, reportId, key, { content, version });
}

function post(actor: Actor, body: unknown) {
  setActor(actor);
  return postTransition(
    new Request(`http://t/api/reports/${reportId}/transitions`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    { params: Promise.resolve({ id: String(reportId) }) },
  );
}

const PUBLISH = { transition: 'publish', url: 'https://www.example.gov.cn/fzzfjs/2026/0301.html', date: '2026-03-01' };

describe('公开前检查 over everything the 公开稿 prints', () => {
  it('finds all ten planted items in title, part heading, text, table and 落款, and publishes only with a reason for each', async () => {
    const meta = (await loadEditorData(db, w.drafterA1, reportId)).report;
    await saveMeta(db, w.drafterA1, reportId, {
      title: `${line(6)}甲一镇2025年度法治政府建设情况的报告`,
      // Not printed in the 公开稿: a number here stops nothing.
      recipient: '县委、县政府（值班电话13600001111）：',
      signatureOrgans: [line(8)],
      documentDate: '2026-01-15',
      cc: null,
      partHeadings: { plans: line(9) },
      metaVersion: meta.metaVersion,
    });
    await save('measures', docFromText([line(0), line(1), line(2), line(4)].join('\n')));
    await save('leaders', table([['姓名', '住址', '卡号'], ['王某某', line(5), line(3)]]));
    await save('shortcomings', docFromText(line(7)));
    await save('plans', docFromText('继续推进依法行政。'));
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    await transitionReport(db, w.reviewerA, reportId, { transition: 'approve' });
    await transitionReport(db, w.drafterA1, reportId, { transition: 'finalise' });

    const refused = await post(w.drafterA1, PUBLISH);
    expect(refused.status).toBe(409);
    const { findings } = (await refused.json()) as { findings: Array<{ kind: string; text: string; where: string; key: string; start: number; end: number }> };
    for (const [, kind, text] of PLANTED) expect(findings.map((f) => [f.kind, f.text]), text).toContainEqual([kind, text]);
    expect(new Set(findings.map((f) => f.where))).toEqual(new Set(['标题', '一、主要举措和成效', '二、第一责任人履职情况', '三、存在的不足和原因', '四、下一年度主要安排的标题', '落款']));
    expect(JSON.stringify(findings)).not.toContain('13600001111');
    expect((await recordRoute(new Request(`http://t/public/reports/${reportId}/record`), { params: Promise.resolve({ id: String(reportId) }) })).status).toBe(404);

    const overrides = Object.fromEntries(findings.map((f) => [f.key, '测试用虚构内容，经核实可以公开。']));
    expect((await post(w.drafterA1, { ...PUBLISH, overrides })).status).toBe(200);
    expect((await recordRoute(new Request(`http://t/public/reports/${reportId}/record`), { params: Promise.resolve({ id: String(reportId) }) })).status).toBe(200);
  });
});
