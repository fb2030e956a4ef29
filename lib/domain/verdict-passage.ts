// The passage a per-item verdict points at. A verdict is given on a checklist item, not on a selection, so its
// passage is the item's evidence in the part: the paragraphs holding any of the item's evidence words (its hints),
// kept as they read when the verdict was given. The drafter's 需修改 item is 已修改 when that passage reads otherwise
// now — a paragraph with the words rewritten, added or removed — and a change elsewhere in the part does not count
// (accepting "4次→5次" in the 组织领导 paragraph leaves the 行政执法 item alone). An item without evidence words can
// only be judged by a person: its passage is the whole part.
import type { ChecklistItem } from './checklists';

/**
 * The item's passage in a part's plain text: its paragraphs holding an evidence word, joined by newlines, in order.
 * Linear in the text: each paragraph is searched once per hint (a checklist item has at most a few short hints).
 */
export function verdictPassage(text: string, item: Pick<ChecklistItem, 'hints'>): string {
  if (item.hints.length === 0) return text;
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (item.hints.some((h) => h && paragraph.includes(h))) out.push(paragraph);
  }
  return out.join('\n');
}

/** Whether the item's passage reads otherwise in the part's text now than it did when the verdict was given. */
export function passageChanged(given: string, text: string, item: Pick<ChecklistItem, 'hints'>): boolean {
  return verdictPassage(text, item) !== given;
}
