// Work a keystroke causes but need not hold up: reading the editor's document out, handing it to the save queue and
// writing the local draft of a 50,000-character part take milliseconds each, so they run once after the frame the
// keystroke paints in (several keystrokes in one frame: once), not inside it. Whatever must see the latest text
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
