// The report's structure checks, run off the page's thread: in a Web Worker (checks.worker.ts), so a keystroke never
// waits behind them, and only the latest report's answer is kept. Where no worker can be had (an old browser, a
// policy that refuses it) they run on the page once it is idle.
import type { Check } from '@/lib/domain/model';
import { runChecksJob, type ChecksAnswer, type ChecksJob, type ChecksRequest } from './checks-job';

export { runChecksJob, type ChecksJob, type ChecksRequest };

/** What the runner needs of a Worker (a fake one in tests). */
export type WorkerLike = {
  postMessage: (message: ChecksRequest) => void;
  addEventListener: (type: 'message' | 'error', listener: (e: { data?: unknown }) => void) => void;
  terminate: () => void;
};

/** Runs `fn` once the page is idle; answers a function that calls it off. */
export type Later = (fn: () => void) => () => void;

export const whenIdle: Later = (fn) => {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(fn, { timeout: 500 });
    return () => cancelIdleCallback(h);
  }
  const t = setTimeout(fn, 50);
  return () => clearTimeout(t);
};

export class ChecksRunner {
  // undefined: not started yet; null: none can be had, the checks run on the page.
  private worker: WorkerLike | null | undefined;
  private seq = 0;
  private waiting: { id: number; job: ChecksJob; done: (checks: Check[]) => void } | null = null;
  private cancelLater: (() => void) | null = null;

  constructor(
    private readonly spawn: () => WorkerLike | null,
    private readonly later: Later = whenIdle,
  ) {}

  /** Checks `job`; `done` gets its checks unless another job is asked for first. Answers a function that calls it off. */
  run(job: ChecksJob, done: (checks: Check[]) => void): () => void {
    const id = ++this.seq;
    this.waiting = { id, job, done };
    const worker = this.start();
    if (worker) worker.postMessage({ id, job });
    else this.onThePage();
    return () => {
      if (this.waiting?.id === id) this.waiting = null;
    };
  }

  /** Ends the worker (a later run starts another). */
  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.cancelLater?.();
    this.waiting = null;
  }

  private start(): WorkerLike | null {
    if (this.worker !== undefined) return this.worker;
    let w: WorkerLike | null = null;
    try {
      w = this.spawn();
    } catch {
      w = null;
    }
    this.worker = w;
    w?.addEventListener('message', (e) => {
      const answer = e.data as ChecksAnswer;
      const waiting = this.waiting;
      if (w !== this.worker || !waiting || waiting.id !== answer.id) return;
      this.waiting = null;
      waiting.done(answer.checks);
    });
    // A worker that cannot load or fails: the checks run on the page from now on, the one waiting first.
    w?.addEventListener('error', () => {
      if (w !== this.worker) return;
      w.terminate();
      this.worker = null;
      this.onThePage();
    });
    return w;
  }

  private onThePage(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    this.cancelLater?.();
    this.cancelLater = this.later(() => {
      this.cancelLater = null;
      if (this.waiting !== waiting) return;
      this.waiting = null;
      waiting.done(runChecksJob(waiting.job));
    });
  }
}

/** The browser's worker for the checks, or null where there is none. */
export function spawnChecksWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./checks.worker.ts', import.meta.url), { name: 'checks' }) as unknown as WorkerLike;
}
