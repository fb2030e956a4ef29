// Work a keystroke causes but need not hold up: reading the editor's document out and handing it to the save queue
// take milliseconds each for a 50,000-character part, so they run once after the frame the keystroke paints in
// (several keystrokes in one frame: once), not inside it; writing the local draft runs less often still (LatestEvery). Whatever must see the latest text
// (saving now, leaving the page, a conflict) runs the pending work first with `now()`.

export type Scheduler = (fn: () => void) => void;

/** After the next paint: the task queued from the animation frame runs once the frame has been drawn. */
export const afterNextPaint: Scheduler = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));

export class AfterPaint {
  private due = false;

  constructor(
    private readonly work: () => void,
    private readonly schedule: Scheduler = afterNextPaint,
  ) {}

  /** Something changed: do the work after the next paint (once, however many changes come before it). */
  request(): void {
    if (this.due) return;
    this.due = true;
    this.schedule(() => this.now());
  }

  /** Does the pending work at once, if any is pending. */
  now(): void {
    if (!this.due) return;
    this.due = false;
    this.work();
  }

  /** Work is waiting to be done. */
  get pending(): boolean {
    return this.due;
  }
}

/**
 * The latest of a run of values, handed on at most once every `ms` (the first `ms` after the run starts, then again
 * while it goes on) and at once on `flush()`: for work worth doing for the newest value only, such as writing the
 * local draft of a long part while the user types.
 */
export class LatestEvery<T> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest: { value: T } | null = null;

  constructor(
    private readonly ms: number,
    private readonly write: (value: T) => void,
  ) {}

  offer(value: T): void {
    this.latest = { value };
    this.timer ??= setTimeout(() => this.flush(), this.ms);
  }

  /** Hands on the value waiting, if any, at once. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const waiting = this.latest;
    this.latest = null;
    if (waiting) this.write(waiting.value);
  }
}
