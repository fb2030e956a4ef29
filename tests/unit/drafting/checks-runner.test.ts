import { describe, expect, it } from 'vitest';
import { ChecksRunner, runChecksJob, type ChecksJob, type ChecksRequest, type WorkerLike } from '@/components/drafting/checks-runner';
import { runChecks } from '@/lib/domain/checks';
import type { Check } from '@/lib/domain/model';
import { defaultPack } from '@/lib/domain/season/defaults';
import { storedReportText } from '@/lib/domain/stored';

const job = (measures: string): ChecksJob => ({
  report: { year: 2025, title: '关于2025年度法治政府建设情况的报告', recipient: null, texts: { measures }, signatureOrgans: [], documentDate: null },
  pack: defaultPack(2025),
});

/** A worker that answers only when told to, with whatever the test says (or the real checks). */
function fakeWorker() {
  const posted: ChecksRequest[] = [];
  const listeners: Record<string, Array<(e: { data?: unknown }) => void>> = { message: [], error: [] };
  let terminated = false;
  const worker: WorkerLike = {
    postMessage: (m) => void posted.push(m),
    addEventListener: (type, fn) => void listeners[type]!.push(fn),
    terminate: () => void (terminated = true),
  };
  return {
    worker,
    posted,
    answer: (req: ChecksRequest, checks = runChecksJob(req.job)) => listeners.message!.forEach((fn) => fn({ data: { id: req.id, checks } })),
    fail: () => listeners.error!.forEach((fn) => fn({})),
    get terminated() {
      return terminated;
    },
  };
}

function manualIdle() {
  const queued: Array<() => void> = [];
  return {
    later: (fn: () => void) => {
      queued.push(fn);
      return () => queued.splice(queued.indexOf(fn), 1);
    },
    idle: () => queued.splice(0).forEach((f) => f()),
    queued,
  };
}

describe('ChecksRunner', () => {
  it('answers the checks the page would have worked out itself', () => {
    const j = job('全年开展行政执法检查12次。');
    expect(runChecksJob(j)).toEqual(runChecks(storedReportText(j.report), j.pack));
    expect(runChecksJob(j).length).toBeGreaterThan(0);
  });

  it('posts each report to the worker and keeps only the latest answer', () => {
    const w = fakeWorker();
    const runner = new ChecksRunner(() => w.worker);
    const got: Check[][] = [];
    runner.run(job('第一稿'), (c) => got.push(c));
    runner.run(job('第二稿，更长一些'), (c) => got.push(c));
    expect(w.posted.map((p) => p.job.report.texts.measures)).toEqual(['第一稿', '第二稿，更长一些']);
    // The first report's answer comes after the second was asked for: dropped.
    w.answer(w.posted[0]!);
    expect(got).toEqual([]);
    w.answer(w.posted[1]!);
    expect(got).toEqual([runChecksJob(w.posted[1]!.job)]);
    // An answer comes once.
    w.answer(w.posted[1]!);
    expect(got).toHaveLength(1);
  });

  it('drops the answer of a run called off (the page moved on or closed)', () => {
    const w = fakeWorker();
    const runner = new ChecksRunner(() => w.worker);
    const got: Check[][] = [];
    const off = runner.run(job('一稿'), (c) => got.push(c));
    off();
    w.answer(w.posted[0]!);
    expect(got).toEqual([]);
  });

  it('runs on the page once idle where no worker can be had, only the latest report', () => {
    const idle = manualIdle();
    let spawned = 0;
    const runner = new ChecksRunner(() => {
      spawned++;
      return null;
    }, idle.later);
    const got: Array<{ text: string; checks: Check[] }> = [];
    runner.run(job('甲'), (c) => got.push({ text: '甲', checks: c }));
    runner.run(job('乙稿'), (c) => got.push({ text: '乙稿', checks: c }));
    expect(got).toEqual([]);
    idle.idle();
    expect(got).toEqual([{ text: '乙稿', checks: runChecksJob(job('乙稿')) }]);
    // One try at a worker, not one per run.
    expect(spawned).toBe(1);
    const thrower = new ChecksRunner(() => {
      throw new Error('refused by the page policy');
    }, idle.later);
    thrower.run(job('丙'), (c) => got.push({ text: '丙', checks: c }));
    idle.idle();
    expect(got.at(-1)).toEqual({ text: '丙', checks: runChecksJob(job('丙')) });
  });

  it('falls back to the page when the worker fails, for the report waiting and the ones after', () => {
    const w = fakeWorker();
    const idle = manualIdle();
    const runner = new ChecksRunner(() => w.worker, idle.later);
    const got: Check[][] = [];
    runner.run(job('等待中的稿子'), (c) => got.push(c));
    w.fail();
    expect(w.terminated).toBe(true);
    idle.idle();
    expect(got).toEqual([runChecksJob(job('等待中的稿子'))]);
    runner.run(job('下一稿'), (c) => got.push(c));
    expect(w.posted).toHaveLength(1);
    idle.idle();
    expect(got[1]).toEqual(runChecksJob(job('下一稿')));
  });

  it('starts a new worker after being disposed', () => {
    const workers = [fakeWorker(), fakeWorker()];
    let n = 0;
    const runner = new ChecksRunner(() => workers[n++]!.worker);
    const got: Check[][] = [];
    runner.run(job('一'), (c) => got.push(c));
    runner.dispose();
    expect(workers[0]!.terminated).toBe(true);
    workers[0]!.answer(workers[0]!.posted[0]!);
    expect(got).toEqual([]);
    runner.run(job('二'), (c) => got.push(c));
    workers[1]!.answer(workers[1]!.posted[0]!);
    expect(got).toEqual([runChecksJob(job('二'))]);
  });
});
