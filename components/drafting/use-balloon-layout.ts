'use client';
// Places the margin's balloons beside their passages. The layout is read in one pass (the column's top, each
// passage's first box, each balloon's height) in an animation frame, then written once (each balloon's top and its
// leader). It runs when the balloons or the part change, when typing pauses, when a paragraph is added or taken away,
// and when a paragraph, the text column or a balloon changes size (a ResizeObserver: a line more, a narrower window, a
// reply box opening) — never on a keystroke that leaves the layout as it was. Scrolling needs nothing: the balloons
// scroll with the text.
import { useEffect, type RefObject } from 'react';
import { stackBalloons } from '@/lib/editor/balloon-layout';

/** Space between two balloons pushed one under the other (px). */
const GAP = 8;
/** Where the leader meets a balloon, below its top edge (px). */
const LEADER_AT = 14;

/**
 * `col` holds elements marked data-balloon (each with data-passage, a selector of its passage's marks in the part's
 * editor) and an svg of paths marked data-leader (the same key as its balloon's data-balloon).
 */
export function useBalloonLayout(col: RefObject<HTMLElement | null>, part: string, signature: string, text: string): void {
  useEffect(() => {
    const column = col.current;
    const editor = document.querySelector<HTMLElement>(`[data-section-editor="${part}"]`);
    if (!column || !editor) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const balloons = [...column.querySelectorAll<HTMLElement>('[data-balloon]')];
      // Reads, all of them before any write.
      const base = column.getBoundingClientRect().top;
      const found = balloons.map((b) => {
        const passage = editor.querySelector(b.dataset.passage!);
        if (!passage) return null;
        const r = passage.getBoundingClientRect();
        return { want: r.top - base, line: Math.min(r.height, 32) / 2, height: b.offsetHeight };
      });
      const placed = found.filter((f) => f !== null);
      const tops = stackBalloons(placed, GAP);
      // Writes.
      let i = 0;
      let bottom = 0;
      balloons.forEach((b, k) => {
        const f = found[k];
        const leader = column.querySelector<SVGPathElement>(`[data-leader="${b.dataset.balloon}"]`);
        if (!f) {
          // Its passage is not in the text just now (being retyped): the balloon waits out of sight.
          b.dataset.placed = 'no';
          leader?.setAttribute('d', '');
          return;
        }
        const top = tops[i++]!;
        b.style.top = `${top}px`;
        b.dataset.placed = top > f.want + 1 ? 'pushed' : 'at';
        bottom = Math.max(bottom, top + f.height);
        leader?.setAttribute('d', `M0 ${f.want + f.line} H12 L24 ${top + LEADER_AT}`);
      });
      column.style.minHeight = `${bottom + GAP}px`;
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    const resized = new ResizeObserver(schedule);
    resized.observe(editor.closest('.section-main') ?? editor);
    for (const b of column.querySelectorAll('[data-balloon]')) resized.observe(b);
    // The text's blocks one by one (the editor itself keeps a minimum height, so a line added to a short part does
    // not resize it): a paragraph that wraps onto another line resizes; one added or taken away is a child list change.
    const content = editor.querySelector('.ProseMirror');
    const blocks = new MutationObserver((records) => {
      for (const r of records) {
        r.addedNodes.forEach((n) => n instanceof Element && resized.observe(n));
        r.removedNodes.forEach((n) => n instanceof Element && resized.unobserve(n));
      }
      schedule();
    });
    if (content) {
      for (const c of content.children) resized.observe(c);
      blocks.observe(content, { childList: true });
    }
    void document.fonts?.ready.then(schedule);
    schedule();
    return () => {
      resized.disconnect();
      blocks.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [col, part, signature, text]);
}
