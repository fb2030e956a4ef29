'use client';
// What the drafter should know before 提交审核: the structure checks still open, the checklist progress per part,
// the reviewers' 批注 not answered yet and the 修订 not accepted or rejected — each a link to its place. Submitting
// is still allowed; the summary only makes sure nothing is sent by accident.
import type { Check } from '@/lib/domain/model';
import { SECTION_LABELS, isBodySectionKey, type BodySectionKey } from '@/lib/domain/sections';
import type { ThreadView } from '@/lib/review/comments';
import type { SuggestionView } from '@/lib/review/suggestions';

export type SubmitSummaryProps = {
  checks: Check[];
  /** Per part with a checklist: confirmed items of all. */
  progress: Array<{ key: BodySectionKey; done: number; total: number }>;
  /** Unresolved threads whose last word is not the drafter's. */
  unanswered: ThreadView[];
  pending: SuggestionView[];
  onJumpCheck: (c: Check) => void;
  onOpenChecklist: (key: BodySectionKey) => void;
  onOpenThread: (t: ThreadView) => void;
  onOpenSuggestion: (s: SuggestionView) => void;
  /** Called before each link's own action (the dialog closes). */
  onLeave: () => void;
};

const SHOWN = 8;
const label = (key: string | null | undefined) => (key && isBodySectionKey(key) ? SECTION_LABELS[key] : key === null || key === undefined ? '全文' : '标题、主送与落款');
const clip = (s: string, n = 24) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function SubmitSummary(p: SubmitSummaryProps) {
  const done = p.progress.reduce((a, x) => a + x.done, 0);
  const total = p.progress.reduce((a, x) => a + x.total, 0);
  const go = (f: () => void) => () => {
    p.onLeave();
    f();
  };
  const more = (n: number) => (n > SHOWN ? <li className="muted">还有 {n - SHOWN} 项……</li> : null);
  return (
    <div className="submit-summary" data-testid="submit-summary">
      <section data-testid="submit-checks">
        <h3>{p.checks.length ? `检查：还有 ${p.checks.length} 项未处理` : '检查：没有未处理的问题'}</h3>
        <ul>
          {p.checks.slice(0, SHOWN).map((c, i) => (
            <li key={`${c.code}-${i}`}>
              <button type="button" className="link-like" onClick={go(() => p.onJumpCheck(c))}>
                {label(c.at?.section ?? c.section)}
              </button>
              ：{c.message}
            </li>
          ))}
          {more(p.checks.length)}
        </ul>
      </section>
      <section data-testid="submit-checklist">
        <h3>
          清单：已确认 {done}/{total} 项
        </h3>
        <ul>
          {p.progress
            .filter((x) => x.done < x.total)
            .map((x) => (
              <li key={x.key}>
                <button type="button" className="link-like" onClick={go(() => p.onOpenChecklist(x.key))}>
                  {SECTION_LABELS[x.key]}
                </button>
                ：{x.done}/{x.total}
              </li>
            ))}
        </ul>
      </section>
      <section data-testid="submit-comments">
        <h3>{p.unanswered.length ? `批注：${p.unanswered.length} 条未回复` : '批注：没有未回复的'}</h3>
        <ul>
          {p.unanswered.slice(0, SHOWN).map((t) => (
            <li key={t.id}>
              <button type="button" className="link-like" onClick={go(() => p.onOpenThread(t))}>
                {SECTION_LABELS[t.sectionKey]}「{clip(t.anchor.exact || '（位置）', 12)}」
              </button>
              {t.authorName}：{clip(t.body, 40)}
            </li>
          ))}
          {more(p.unanswered.length)}
        </ul>
      </section>
      <section data-testid="submit-suggestions">
        <h3>{p.pending.length ? `修订：${p.pending.length} 条未接受或拒绝` : '修订：没有待处理的'}</h3>
        <ul>
          {p.pending.slice(0, SHOWN).map((s) => (
            <li key={s.id}>
              <button type="button" className="link-like" onClick={go(() => p.onOpenSuggestion(s))}>
                {SECTION_LABELS[s.sectionKey]}
              </button>
              ：「{clip(s.anchor.exact, 12)}」→「{clip(s.replacement, 12)}」（{s.authorName}）
            </li>
          ))}
          {more(p.pending.length)}
        </ul>
      </section>
      <p className="muted">提交后，审核期间不能修改正文；审核人开始审核之前可以撤回。</p>
    </div>
  );
}
