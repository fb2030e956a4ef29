'use client';
// The drafting page's frame: it puts together the state the parts share (texts, saving, review, 建议修改, checks;
// each in its own hook) and lays out the navigation, the editors and the side panel, which read the review state
// from the drafting context.

import { useCallback, useMemo, useRef, useState } from 'react';
import { VerdictTodo } from '@/components/review/verdict-todo';
import { packChecklist, type Checklist } from '@/lib/domain/checklists';
import type { ChecklistEntry, EditorInitialData, ReportMeta } from '@/lib/drafting/types';
import { sectionTemplate, templateHeadings } from '@/lib/domain/template';
import type { VerdictView } from '@/lib/review/verdicts';
import { formatDateTime } from '@/lib/shared/format';
import { SavingConflict } from './conflict-dialog';
import { DraftingProvider, type DraftingContextValue } from './drafting-context';
import { FrontMatter } from './front-matter';
import { RecoverBanner } from './recover-banner';
import { SectionEditor, type SectionApi } from './section-editor';
import { navLabel, SectionNav, type Nav } from './section-nav';
import { MarginBalloons } from './margin-balloons';
import { SideDrawer } from './side-drawer';
import { createTextStore, useTexts } from './text-store';
import { useChecks } from './use-checks';
import { useFocusThread } from './use-focus-thread';
import { useNavigation } from './use-navigation';
import { useReviewState } from './use-review-state';
import { useSaving } from './use-saving';
import { useSuggesting } from './use-suggesting';
import { FindReplace } from './find-replace';
import { useFindReplace } from './use-find-replace';
import { useShortcuts } from './use-shortcuts';
import { WorkspaceBar } from './workspace-bar';
import { WorkspaceSubmitSummary } from './workspace-submit-summary';
import './drafting.css';

/** `focusThread`: the comment thread a link opened the page on. */
type Props = { initial: EditorInitialData; focusThread?: number | null };
type Meta = Omit<ReportMeta, 'metaVersion'>;

/** The front matter as the checks and the part headings read it (its version stays with the front matter's form). */
const metaOf = ({ title, recipient, signatureOrgans, documentDate, cc, docNumber, partHeadings }: ReportMeta): Meta => ({ title, recipient, signatureOrgans, documentDate, cc, docNumber, partHeadings });

/** The drafting page: section list, one editor per section, checklist and checks beside it, and autosave status. */
export function ReportWorkspace({ initial, focusThread = null }: Props) {
  const { report, editable, review } = initial;
  const apis = useRef(new Map<string, SectionApi>());
  const register = useCallback((key: string, api: SectionApi) => {
    apis.current.set(key, api);
  }, []);
  const [store] = useState(() => createTextStore(Object.fromEntries(initial.sections.map((s) => [s.key, s.plainText]))));
  const texts = useTexts(store);
  const [meta, setMeta] = useState<Meta>(() => metaOf(report));
  const [entries, setEntries] = useState<ChecklistEntry[]>(initial.checklist);
  // The checklist items are the season pack's (the report's year and county), not written in code.
  const checklist = useMemo(() => packChecklist(initial.seasonPack), [initial.seasonPack]);
  // So are the part headings: the county's pack over the province's over the national one, the variant for the kind.
  const template = useMemo(() => templateHeadings(report.year, initial.seasonPack, initial.township.kind), [report.year, initial.seasonPack, initial.township.kind]);

  const nav = useNavigation(apis, editable, focusThread !== null);
  const { current, setCurrent, currentKey, jump } = nav;
  const rv = useReviewState(report.id, review, apis, nav.setTab, focusThread);
  const sg = useSuggesting({ reportId: report.id, maySuggest: review.maySuggest, store, apis, refreshSuggestions: rv.refreshSuggestions, setTab: nav.setTab });
  const saving = useSaving(apis);
  const { checks, onFixCheck, onJumpCheck } = useChecks({ initial, meta, texts, apis, setCurrent, jump });
  const fr = useFindReplace({ reportId: report.id, apis, editable, suggesting: sg.suggesting, refreshSuggestions: rv.refreshSuggestions, jump });
  const keys = useShortcuts(apis, editable, fr.show);
  // On a phone the side panel is a drawer; going from it to a place in the text closes it (on a wide screen the
  // panel is always beside the text and this state changes nothing).
  const [drawerOpen, setDrawerOpen] = useState(false);
  const closing = <A extends unknown[]>(f: (...a: A) => void) => (...a: A) => {
    setDrawerOpen(false);
    f(...a);
  };

  const openThread = (t: DraftingContextValue['threads'][number]) => {
    rv.setActive({ kind: 'thread', id: t.id });
    if (t.position) jump(t.sectionKey, t.position.start, t.position.end);
    else setCurrent(t.sectionKey);
  };
  // A link to a thread opens it as its card would, with the phone's side panel open on it.
  useFocusThread(focusThread, rv.threads, apis, (t) => {
    openThread(t);
    setDrawerOpen(true);
  });

  const panel: DraftingContextValue = {
    reportId: report.id,
    editable,
    mayComment: review.mayComment,
    mayDecide: review.mayDecide,
    mayReview: review.mayReview,
    mayFileWord: review.mayFileWord,
    userId: initial.user.id,
    tab: nav.tab,
    onTab: nav.setTab,
    part: currentKey,
    partText: currentKey ? (texts[currentKey] ?? '') : '',
    onShow: closing((start: number, end: number) => currentKey && jump(currentKey, start, end)),
    checklist,
    entries,
    onEntry: (e) => setEntries((prev) => [...prev.filter((x) => x.itemId !== e.itemId), e]),
    checks,
    onJumpCheck: closing(onJumpCheck),
    onFixCheck,
    threads: rv.threads,
    selection: rv.selection,
    activeThread: rv.activeThread,
    activeSuggestion: rv.activeSuggestion,
    onThreadsChanged: rv.refreshThreads,
    onOpenThread: closing(openThread),
    suggestions: rv.suggestions,
    suggestionsHidden: rv.suggestionsHidden,
    onSuggestionsChanged: rv.refreshSuggestions,
    onAcceptSuggestion: rv.acceptSuggestion,
    onOpenSuggestion: closing((s: DraftingContextValue['suggestions'][number]) => {
      rv.setActive({ kind: 'suggestion', id: s.id });
      if (s.position) jump(s.sectionKey, s.position.start, Math.max(s.position.end, s.position.start + 1));
      else setCurrent(s.sectionKey);
    }),
    drafting: sg.drafting,
    onOpenDraft: closing((key: Parameters<DraftingContextValue['onOpenDraft']>[0], start: number, end: number) => jump(key, start, end)),
    verdicts: rv.verdicts,
    onVerdict: rv.onVerdict,
  };

  return (
    <DraftingProvider value={panel}>
      <main className="workspace">
        <WorkspaceBar
          initial={initial}
          overall={saving.overall}
          unsaved={saving.unsaved}
          flash={keys.flash}
          texts={texts}
          onFind={() => fr.show('replace')}
          pendingSuggestions={rv.pendingSuggestions}
          unsentSuggestions={sg.unsent}
          submitSummary={(close) => (
            <WorkspaceSubmitSummary
              onOpenChecklist={(k) => {
                setCurrent(k);
                nav.setTab('checklist');
              }}
              onLeave={close}
            />
          )}
        />
        <ReviewNotes initial={initial} checklist={checklist} toDo={rv.toDo} texts={texts} onVerdict={rv.onVerdict} onOpen={(key) => setCurrent(key as Nav)} suggesting={sg.suggesting} onToggleSuggesting={sg.toggleSuggesting} />
        <RecoverBanner reportId={report.id} sections={initial.sections} onRestore={(key, content) => apis.current.get(key)?.restore(content)} />
        <div className="workspace-grid">
          <SectionNav
            current={current}
            onSelect={setCurrent}
            year={report.year}
            template={template}
            partHeadings={meta.partHeadings}
            texts={texts}
            statuses={saving.statuses}
            checks={checks}
            checklist={checklist}
            entries={entries}
            threads={rv.threads}
            suggestions={rv.suggestions}
          />
          <div className="section-main">
            {currentKey ? <h2 className="section-heading">{navLabel(currentKey, report.year, meta.partHeadings, template)}</h2> : <h2 className="section-heading">标题、主送与落款</h2>}
            {currentKey ? <p className="guide">{sectionTemplate(currentKey).guide}</p> : null}
            <FrontMatter reportId={report.id} year={report.year} template={template} initial={report} editable={editable} visible={current === 'front'} onChange={setMeta} onStatus={saving.onMetaStatus} />
            {initial.sections.map((s) => (
              <SectionEditor
                key={s.key}
                reportId={report.id}
                section={s}
                editable={editable}
                placeholder={sectionTemplate(s.key).guide}
                visible={current === s.key}
                store={store}
                onStatus={saving.onStatus}
                onConflict={saving.onConflict}
                register={register}
                threads={rv.threadsBySection.get(s.key)!}
                suggestions={rv.suggestionsBySection.get(s.key)!}
                active={rv.active}
                onSelectText={rv.onSelectText}
                onMarkClick={rv.onMarkClick}
                suggesting={sg.suggesting}
                onDraft={sg.onDraft}
              />
            ))}
          </div>
          <MarginBalloons />
          <SideDrawer open={drawerOpen} setOpen={setDrawerOpen} count={rv.threads.filter((t) => !t.resolved).length + rv.pendingSuggestions + checks.length} />
        </div>
        <FindReplace fr={fr} />
        <SavingConflict saving={saving} userId={initial.user.id} />
      </main>
    </DraftingProvider>
  );
}

type NotesProps = {
  initial: EditorInitialData;
  checklist: Checklist;
  toDo: VerdictView[];
  texts: Record<string, string>;
  onVerdict: (itemId: string, v: VerdictView | null) => void;
  onOpen: (key: string) => void;
  suggesting: boolean;
  onToggleSuggesting: () => void;
};

/** Above the text: why the report came back, the items a reviewer asked to fix, and why the text is read-only. */
function ReviewNotes({ initial, checklist, toDo, texts, onVerdict, onOpen, suggesting, onToggleSuggesting }: NotesProps) {
  const { editable, review } = initial;
  return (
    <>
      {review.returnReason ? (
        <div className="return-note" data-testid="return-reason-note">
          审核人{review.returnReason.by ? `（${review.returnReason.by}）` : ''}于 {formatDateTime(new Date(review.returnReason.at))} 退回：{review.returnReason.reason}
        </div>
      ) : null}
      {editable || review.mayReview ? <VerdictTodo reportId={initial.report.id} checklist={checklist} items={toDo} reviewer={review.mayReview} editable={editable} texts={texts} onOpen={onOpen} onChanged={(v) => onVerdict(v.itemId, v)} /> : null}
      {!editable ? (
        <p className={`locked-note${suggesting ? ' suggesting' : ''}`}>
          {suggesting
            ? '建议修改：在正文中直接修改（选中文字后输入替换、删除，或在光标处输入），修改不会改动原文，在右侧“修订”中提交。'
            : review.mayComment
              ? '正文只读：可选中文字添加批注。'
              : '当前状态下正文只读。'}
          {review.maySuggest ? (
            <button type="button" className={suggesting ? 'secondary' : ''} aria-pressed={suggesting} onClick={onToggleSuggesting} data-testid="suggest-mode">
              {suggesting ? '结束建议修改' : '建议修改'}
            </button>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
