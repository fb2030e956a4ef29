import { one, write } from '@/db/tx';
import { beforeEach, describe, expect, it } from 'vitest';

import { eq } from 'drizzle-orm';
import { POST as postTransition } from '@/app/api/reports/[id]/transitions/route';
import { PUT as putSection } from '@/app/api/reports/[id]/sections/[key]/route';
import { POST as restoreRoute } from '@/app/api/reports/[id]/versions/[versionId]/restore/route';
import type { Db } from '@/db/client';
import { auditEvents, reportVersions, reports } from '@/db/schema';
import { type ReportStatus } from '@/lib/domain/vocabulary';
import type { Actor } from '@/lib/domain/permissions';
import { loadEditorData, saveSection } from '@/lib/drafting/service';
import { createReport } from '@/lib/reports/service';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { changesSinceLastSubmission, compareVersions, listVersions, saveNamedVersion } from '@/lib/review/versions';
import { reportTimeline, transitionReport } from '@/lib/review/transitions';
import { TRANSITION_NAMES, TRANSITIONS, type TransitionName } from '@/lib/domain/workflow';
import { setActor } from '../../support/mock-session';
import { DRAFT_NOW, snapshot, worldWithDraft, type World } from '../../support/db';
import { listAudit } from '@/lib/audit/log';
import { loadDashboard } from '@/lib/dashboard/service';
import { inboxFor } from '@/lib/inbox/service';
import { addThread } from '@/lib/review/comments';
import { createSuggestion } from '@/lib/review/suggestions';
import { setVerdict } from '@/lib/review/verdicts';

const measuresVersion = async () => (await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === 'measures')!.version;

let db: Db, w: World, reportId: number;

beforeEach(async () => {
  ({ db, w, reportId } = await worldWithDraft());
});

const setStatus = async (s: ReportStatus) => await write(db, () => db.update(reports).set({ status: s }).where(eq(reports.id, reportId)));
const statusNow = async () => (await one(db.select().from(reports).where(eq(reports.id, reportId))))!.status;

function post(actor: Actor, body: unknown) {
  setActor(actor);
  return postTransition(new Request('http://t/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), {
    params: Promise.resolve({ id: String(reportId) }),
  });
}

const PAYLOAD: Record<TransitionName, Record<string, string>> = {
  submit: {},
  withdraw: {},
  return: { reason: '第三部分缺少原因分析，请补充。' },
  approve: {},
  finalise: {},
  publish: { url: 'https://www.example.gov.cn/fzzfjs/2026/0301.html', date: '2026-03-01' },
  reopen: {},
};

const ACTORS = ['admin', 'reviewerA', 'reviewerB', 'drafterA1', 'drafterA2', 'drafterB1'] as const;
type ActorKey = (typeof ACTORS)[number];

// Who may perform each transition on a report of 甲一镇 (county 甲县).
const ALLOWED: Record<TransitionName, ActorKey[]> = {
  submit: ['drafterA1'],
  withdraw: ['drafterA1'],
  return: ['reviewerA', 'admin'],
  approve: ['reviewerA', 'admin'],
  finalise: ['drafterA1'],
  publish: ['drafterA1'],
  reopen: ['admin'],
};

describe('workflow transitions × roles', () => {
  for (const name of TRANSITION_NAMES) {
    for (const who of ACTORS) {
      const allowed = ALLOWED[name].includes(who);
      it(`${name} by ${who}: ${allowed ? 'allowed' : 'refused with 403'}`, async () => {
        const from = TRANSITIONS[name].from[0];
        await setStatus(from);
        const before = await snapshot(db);
        const res = await post(w[who], { transition: name, ...PAYLOAD[name] });
        if (allowed) {
          expect(res.status).toBe(200);
          expect(await statusNow()).toBe(TRANSITIONS[name].to);
          const event = (await db.select().from(auditEvents).where(eq(auditEvents.action, 'report.transition'))).at(-1)!;
          expect(event).toMatchObject({ actorId: w[who].id, reportId });
          expect(event.detail).toMatchObject({ transition: name, from, to: TRANSITIONS[name].to });
          expect(await db.select().from(reportVersions).where(eq(reportVersions.transition, name))).toHaveLength(1);
        } else {
          expect(res.status).toBe(403);
          expect((await res.json()).error).toMatch(/[\u4e00-\u9fa5]/);
          expect(await snapshot(db)).toEqual(before);
        }
      });
    }
  }

  it.each(TRANSITION_NAMES)('%s from a state it does not start from is refused with 409 and changes nothing', async (name) => {
    const wrong = (['drafting', 'submitted', 'approved', 'final', 'published', 'returned'] as ReportStatus[]).find(
      (s) => !(TRANSITIONS[name].from as readonly string[]).includes(s),
    )!;
    await setStatus(wrong);
    const before = await snapshot(db);
    const res = await post(w[ALLOWED[name][0]!], { transition: name, ...PAYLOAD[name] });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatch(/^报告当前为“.+”，不能.+。请刷新页面查看最新状态。$/);
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    [{ transition: 'return' }, '请填写退回原因。'],
    [{ transition: 'return', reason: '   ' }, '请填写退回原因，说明需要修改什么。'],
    [{ transition: 'publish', url: 'javascript:alert(1)', date: '2026-03-01' }, '请填写以 http:// 或 https:// 开头的公开网址。'],
    [{ transition: 'publish', url: 'https://x.gov.cn/a', date: '2026-13-01' }, '发布日期不是有效的日期。'],
    [{ transition: 'explode' }, '未知的操作。'],
    [{}, '未知的操作。'],
  ])('refuses %j with a Chinese message', async (body, message) => {
    const isPublish = (body as { transition?: string }).transition === 'publish';
    await setStatus(isPublish ? 'final' : 'submitted');
    const before = await snapshot(db);
    const who = isPublish ? w.drafterA1 : w.reviewerA;
    const res = await post(who, body);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it('公开前检查: each finding needs its own reason (or one reason for all); the ones still without are named', async () => {
    const ID = '11010519491231002X';
    await saveSection(db, w.drafterA1, reportId, 'measures', {
      content: docFromText(`当事人身份证号${ID}，联系电话13812345678。`),
      version: await measuresVersion(),
    });
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    await transitionReport(db, w.reviewerA, reportId, { transition: 'approve' });
    await transitionReport(db, w.drafterA1, reportId, { transition: 'finalise' });
    const first = await (await post(w.drafterA1, { transition: 'publish', ...PAYLOAD.publish })).json();
    const [id, mobile] = first.findings as Array<{ key: string; kind: string }>;
    expect([id!.kind, mobile!.kind]).toEqual(['id-number', 'mobile']);
    // A reason for one: the other is still named, nothing changes.
    const before = await snapshot(db);
    const half = await post(w.drafterA1, { transition: 'publish', ...PAYLOAD.publish, overrides: { [id!.key]: '虚构的示例号码，不属于个人信息。' } });
    expect(half.status).toBe(409);
    expect((await half.json()).findings.map((f: { kind: string }) => f.kind)).toEqual(['mobile']);
    expect(await snapshot(db)).toEqual(before);
    // Too many keys, or a key too long: 400.
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, '理由理由理由']));
    expect((await post(w.drafterA1, { transition: 'publish', ...PAYLOAD.publish, overrides: many })).status).toBe(400);
    expect((await post(w.drafterA1, { transition: 'publish', ...PAYLOAD.publish, overrides: { ['k'.repeat(301)]: '理由理由理由' } })).status).toBe(400);
    const ok = await post(w.drafterA1, {
      transition: 'publish',
      ...PAYLOAD.publish,
      overrides: { [id!.key]: '虚构的示例号码，不属于个人信息。', [mobile!.key]: '单位值班电话，已公开。' },
    });
    expect(ok.status).toBe(200);
    const summary = (await listAudit(db, w.admin, { action: 'report.transition' })).rows[0]!.summary;
    expect(summary).toContain('（理由：虚构的示例号码，不属于个人信息。）');
    expect(summary).toContain('13812345678（理由：单位值班电话，已公开。）');
  });

  it('公开前检查: one reason for every finding is still taken (scripts that send `override`)', async () => {
    await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText('当事人身份证号11010519491231002X。'), version: await measuresVersion() });
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    await transitionReport(db, w.reviewerA, reportId, { transition: 'approve' });
    await transitionReport(db, w.drafterA1, reportId, { transition: 'finalise' });
    expect((await post(w.drafterA1, { transition: 'publish', ...PAYLOAD.publish, override: '该号码为虚构示例，经核实不属于个人信息。' })).status).toBe(200);
  });

  it('公开前检查: a valid ID number in the 公开稿 blocks publication until fixed, or published with a reason that is audited', async () => {
    const ID = '11010519491231002X';
    await saveSection(db, w.drafterA1, reportId, 'measures', {
      content: docFromText(`依法查处违法占地案件，当事人身份证号${ID}。`),
      version: await measuresVersion(),
    });
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    await transitionReport(db, w.reviewerA, reportId, { transition: 'approve' });
    await transitionReport(db, w.drafterA1, reportId, { transition: 'finalise' });
    const before = await snapshot(db);
    const refused = await post(w.drafterA1, { transition: 'publish', ...PAYLOAD.publish });
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body.error).toContain('居民身份证号码');
    expect(body.findings.map((f: { kind: string; text: string }) => [f.kind, f.text])).toEqual([['id-number', ID]]);
    expect(await snapshot(db)).toEqual(before);
    // A reason too short is refused; a real one publishes, and the audit log keeps it with what was found.
    const key = body.findings[0].key as string;
    expect((await post(w.drafterA1, { transition: 'publish', ...PAYLOAD.publish, overrides: { [key]: '是' } })).status).toBe(400);
    const ok = await post(w.drafterA1, { transition: 'publish', ...PAYLOAD.publish, overrides: { [key]: '该号码为虚构示例，经核实不属于个人信息。' } });
    expect(ok.status).toBe(200);
    const audit = (await listAudit(db, w.admin, { action: 'report.transition' })).rows[0]!;
    expect(audit.summary).toContain(`仍公开：一、主要举措和成效：${ID}（理由：该号码为虚构示例`);
    expect(audit.detail).toContain(ID);
    // The log filtered by report and by township holds only this report's rows; another township's, none of them.
    const byReport = (await listAudit(db, w.admin, { report: String(reportId) })).rows;
    expect(byReport.length).toBeGreaterThan(3);
    expect(byReport.every((r) => r.reportId === reportId)).toBe(true);
    expect((await listAudit(db, w.admin, { township: String(w.townA1) })).rows.map((r) => r.id)).toEqual(byReport.map((r) => r.id));
    expect((await listAudit(db, w.admin, { township: String(w.townA2) })).rows).toEqual([]);
    // The dashboard shows where and when it was published.
    const row = (await loadDashboard(db, w.reviewerA, w.countyA, 2025, new Date('2026-04-02T09:00:00+08:00'))).rows.find((r) => r.reportId === reportId)!;
    expect(row).toMatchObject({ published: { url: PAYLOAD.publish!.url, date: '2026-03-01' }, publicationOverdue: false });
    const other = (await loadDashboard(db, w.reviewerA, w.countyA, 2025, new Date('2026-04-02T09:00:00+08:00'))).rows.find((r) => r.townshipId === w.townA2)!;
    expect(other.publicationOverdue).toBe(true);
  });

  it('records the full round in the timeline, with the return reason', async () => {
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    await transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '请补充原因分析' });
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    await transitionReport(db, w.reviewerA, reportId, { transition: 'approve' });
    await transitionReport(db, w.drafterA1, reportId, { transition: 'finalise' });
    await transitionReport(db, w.drafterA1, reportId, { transition: 'publish', ...PAYLOAD.publish });
    const t = await reportTimeline(db, w.reviewerA, reportId);
    expect(t.map((e) => e.label)).toEqual(['创建报告', '提交审核', '退回修改', '提交审核', '审核通过', '定稿', '登记公开']);
    expect(t[2]).toMatchObject({ actorName: 'reviewer-a', reason: '请补充原因分析', from: 'submitted', to: 'returned' });
    expect(await one(db.select().from(reports).where(eq(reports.id, reportId)))).toMatchObject({
      status: 'published',
      publishedUrl: PAYLOAD.publish.url,
      publishedDate: '2026-03-01',
    });
  });
});

describe('editing is locked outside drafting and returned', () => {
  it.each(['submitted', 'approved', 'final', 'published'] as const)('a drafter cannot save while %s', async (status) => {
    await setStatus(status);
    const before = await snapshot(db);
    await expect(saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText('x'), version: 1 })).rejects.toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('a reviewer’s attempt to change section text is refused and changes nothing, in every state', async () => {
    for (const status of ['drafting', 'submitted', 'returned', 'approved'] as const) {
      await setStatus(status);
      const before = await snapshot(db);
      setActor(w.reviewerA);
      const res = await putSection(
        new Request('http://t/x', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ content: docFromText('审核人直接改正文'), version: 1 }) }),
        { params: Promise.resolve({ id: String(reportId), key: 'measures' }) },
      );
      expect(res.status).toBe(403);
      expect(await snapshot(db)).toEqual(before);
    }
  });
});

describe('versions', () => {
  const put = async (text: string) => {
    const v = (await loadEditorData(db, w.drafterA1, reportId)).sections.find((s) => s.key === 'measures')!.version;
    return await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText(text), version: v });
  };

  it('restoring makes a new version and keeps the old one', async () => {
    await put('初稿的第一部分');
    const first = await saveNamedVersion(db, w.drafterA1, reportId, { label: '初稿' });
    await put('讨论稿的第一部分，改写了很多');
    setActor(w.drafterA1);
    const res = await restoreRoute(new Request('http://t/x', { method: 'POST' }), {
      params: Promise.resolve({ id: String(reportId), versionId: String(first.id) }),
    });
    expect(res.status).toBe(201);
    const { version } = await res.json();
    expect(version.label).toBe('恢复自“初稿”');
    const data = await loadEditorData(db, w.drafterA1, reportId);
    expect(data.sections.find((s) => s.key === 'measures')!.plainText).toBe('初稿的第一部分');
    const versions = await listVersions(db, w.drafterA1, reportId);
    expect(versions.map((v) => v.label)).toEqual(expect.arrayContaining(['初稿', '恢复前的内容', '恢复自“初稿”']));
    // The text replaced by the restore is still there, in the snapshot taken just before.
    const before = versions.find((v) => v.label === '恢复前的内容')!;
    const cmp = await compareVersions(db, w.drafterA1, reportId, before.id, 'current');
    const measures = cmp.sections.find((s) => s.key === 'measures')!;
    expect(measures.changed).toBe(true);
    expect(measures.parts.filter((p) => p.type === 'delete').map((p) => p.text).join('')).toContain('讨论稿');
    // The restored version itself still exists.
    expect(versions.find((v) => v.id === first.id)).toBeTruthy();
  });

  it('refuses to restore a version of another report, and a reviewer may not restore', async () => {
    const other = (await createReport(db, w.drafterA2, { townshipId: w.townA2, year: 2025 }, DRAFT_NOW)).id;
    const foreign = await saveNamedVersion(db, w.drafterA2, other, { label: '别人的' });
    const before = await snapshot(db);
    setActor(w.drafterA1);
    const res = await restoreRoute(new Request('http://t/x', { method: 'POST' }), {
      params: Promise.resolve({ id: String(reportId), versionId: String(foreign.id) }),
    });
    expect(res.status).toBe(404);
    setActor(w.reviewerA);
    const mine = await saveNamedVersion(db, w.drafterA1, reportId, { label: '初稿' });
    const before2 = await snapshot(db);
    const res2 = await restoreRoute(new Request('http://t/x', { method: 'POST' }), {
      params: Promise.resolve({ id: String(reportId), versionId: String(mine.id) }),
    });
    expect(res2.status).toBe(403);
    expect(await snapshot(db)).toEqual(before2);
    expect(before).toBeTruthy();
  });

  it('keeps at most one automatic version an hour while editing', async () => {
    await put('一');
    await put('二');
    await put('三');
    expect((await listVersions(db, w.drafterA1, reportId)).filter((v) => v.kind === 'auto')).toHaveLength(1);
  });

  it('shows the reviewer the changes since the last submission', async () => {
    await put('第一次提交的内容：组织学法6次。');
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    expect(await changesSinceLastSubmission(db, w.reviewerA, reportId)).toBeNull();
    await transitionReport(db, w.reviewerA, reportId, { transition: 'return', reason: '请写明培训人次' });
    await put('第一次提交的内容：组织学法6次，培训干部320人次。');
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    const changes = (await changesSinceLastSubmission(db, w.reviewerA, reportId))!;
    const measures = changes.sections.find((s) => s.key === 'measures')!;
    expect(measures.changed).toBe(true);
    expect(measures.parts.filter((p) => p.type === 'insert').map((p) => p.text).join('')).toBe('，培训干部320人次');
    expect(changes.sections.filter((s) => s.changed).map((s) => s.key)).toEqual(['measures']);
  });
});

describe('撤回 (withdraw)', () => {
  const TEXT = '全年组织干部学法培训4期。';
  const anchor = { exact: '学法培训', prefix: '全年组织干部', suffix: '4期', start: 6 };
  const put = async (text: string) => await saveSection(db, w.drafterA1, reportId, 'measures', { content: docFromText(text), version: await measuresVersion() });
  const submitNow = async () => {
    await put(TEXT);
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
  };
  const reviewItems = async () => (await inboxFor(db, w.reviewerA)).filter((i) => i.kind === 'review' && i.href === `/reports/${reportId}/edit`);

  it('takes an untouched submission back to 起草中, audited, off the reviewer’s 待办, offered as a button', async () => {
    // A reviewer's comment on the draft before it was submitted does not count, nor does the drafter's own.
    await put(TEXT);
    await addThread(db, w.reviewerA, reportId, { sectionKey: 'measures', body: '提交前的意见。', anchor });
    await new Promise((r) => setTimeout(r, 5));
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    await addThread(db, w.drafterA1, reportId, { sectionKey: 'measures', body: '自己的备注。', anchor });
    expect(await reviewItems()).toHaveLength(1);
    expect((await loadEditorData(db, w.drafterA1, reportId)).review.transitions).toEqual(['withdraw']);

    const res = await post(w.drafterA1, { transition: 'withdraw' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'drafting' });
    expect(await statusNow()).toBe('drafting');
    expect(await reviewItems()).toEqual([]);
    const line = (await listAudit(db, w.admin, {})).rows.find((r) => r.action === 'report.transition' && r.reportId === reportId)!;
    expect(line.summary).toContain('撤回');
    // Editable again, and it can be submitted again.
    expect((await loadEditorData(db, w.drafterA1, reportId)).editable).toBe(true);
    await transitionReport(db, w.drafterA1, reportId, { transition: 'submit' });
    expect(await statusNow()).toBe('submitted');
  });

  it.each([
    ['a reviewer’s comment', async () => void (await addThread(db, w.reviewerA, reportId, { sectionKey: 'measures', body: '请补充参训人数。', anchor }))],
    ['a reviewer’s suggestion', async () => void (await createSuggestion(db, w.reviewerA, reportId, { sectionKey: 'measures', anchor: { exact: '4期', prefix: '学法培训', suffix: '。', start: 10 }, replacement: '5期' }))],
    ['a verdict', async () => void (await setVerdict(db, w.reviewerA, reportId, 'measures.training', { verdict: 'pass' }))],
  ])('is refused with 409 once the reviewer has started: %s', async (_what, act) => {
    await submitNow();
    await act();
    expect((await loadEditorData(db, w.drafterA1, reportId)).review.transitions).toEqual([]);
    const before = await snapshot(db);
    const res = await post(w.drafterA1, { transition: 'withdraw' });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatch(/^审核人已开始审核（已有.+），不能再撤回。/);
    expect(await snapshot(db)).toEqual(before);
    expect(await reviewItems()).toHaveLength(1);
  });
});
