'use client';
// 查找和替换 across the whole report (every part): the places found, going to the next and previous, and replacing
// one or all of them. The drafter's replacements are edits of each part (one undo step per part) saved by the
// part's own autosave, version and all; a reviewer in 建议修改 mode files each replacement as a suggestion instead.
import { useCallback, useState } from 'react';
import { apiCall, refusalOf } from '@/components/ui/api-call';
import { createAnchor } from '@/lib/domain/anchor';
import { BODY_SECTION_KEYS, type BodySectionKey } from '@/lib/domain/sections';
import { cleanQuery, type Match } from '@/lib/editor/find-replace';
import type { SuggestionCreated } from '@/lib/review/suggestions';
import type { ReportEditors } from './use-navigation';

export type PartMatches = { key: BodySectionKey; text: string; matches: Match[] };
export type FindMode = 'find' | 'replace';

type Options = ReportEditors & {
  /** The drafter edits the text. */
  editable: boolean;
  /** A reviewer in 建议修改 mode: replacing files suggestions. */
  suggesting: boolean;
  jump: (key: string, start: number, end: number) => void;
};

/** The n-th place over all parts, in the report's order. */
function nth(parts: PartMatches[], n: number): { key: BodySectionKey; text: string; match: Match } | null {
  for (const p of parts) {
    if (n < p.matches.length) return { key: p.key, text: p.text, match: p.matches[n]! };
    n -= p.matches.length;
  }
  return null;
}

export function useFindReplace({ reportId, apis, editable, suggesting, refreshSuggestions, jump }: Options) {
  const [mode, setMode] = useState<FindMode | null>(null);
  const [query, setQueryState] = useState('');
  const [replacement, setReplacement] = useState('');
  const [parts, setParts] = useState<PartMatches[]>([]);
  const [at, setAt] = useState(-1);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayReplace = editable || suggesting;

  /** The places as the parts stand now (the text may have changed since the last look). */
  const search = useCallback(
    (q: string): PartMatches[] => {
      const found = BODY_SECTION_KEYS.map((key) => ({ key, ...(apis.current.get(key)?.find(q) ?? { text: '', matches: [] }) }));
      setParts(found);
      return found;
    },
    [apis],
  );
  const total = (ps: PartMatches[]) => ps.reduce((n, p) => n + p.matches.length, 0);

  const show = useCallback(
    (m: FindMode) => {
      setMode(m === 'replace' && !mayReplace ? 'find' : m);
      setMessage(null);
      if (query) search(query);
    },
    [mayReplace, query, search],
  );

  const setQuery = (q: string) => {
    const clean = cleanQuery(q);
    setQueryState(clean);
    setMessage(null);
    setAt(-1);
    search(clean);
  };

  const goTo = (found: PartMatches[], n: number) => {
    const hit = nth(found, n);
    if (!hit) return;
    setAt(n);
    jump(hit.key, hit.match.start, hit.match.end);
  };

  /** Goes to the next (+1) or previous (-1) place, round the report. */
  const step = (dir: 1 | -1) => {
    const found = search(query);
    const n = total(found);
    if (!n) return;
    goTo(found, at < 0 ? (dir > 0 ? 0 : n - 1) : (at + dir + n) % n);
  };

  /** Files one suggestion per place; stops at the first refusal. Returns how many were filed and the refusal. */
  const suggest = async (hits: Array<{ key: BodySectionKey; text: string; match: Match }>): Promise<[number, string | null]> => {
    const reason = `查找替换：“${query}”改为“${replacement}”`;
    let filed = 0;
    for (const { key, text, match } of hits) {
      const refused = refusalOf(
        await apiCall<SuggestionCreated>(`/api/reports/${reportId}/suggestions`, {
          method: 'POST',
          body: { sectionKey: key, anchor: createAnchor(text, match.start, match.end), replacement: cleanQuery(replacement), reason },
        }),
      );
      if (refused) return [filed, refused];
      filed++;
    }
    return [filed, null];
  };

  const run = async (all: boolean) => {
    if (!mayReplace || busy) return;
    const found = search(query);
    const n = total(found);
    if (!n) return;
    setBusy(true);
    try {
      const current = nth(found, Math.min(Math.max(at, 0), n - 1))!;
      if (suggesting) {
        const hits = all ? found.flatMap((p) => p.matches.map((match) => ({ key: p.key, text: p.text, match }))) : [current];
        const [filed, refused] = await suggest(hits);
        await refreshSuggestions();
        setMessage(`已提出 ${filed} 条修订${refused ? `，其余未提出：${refused}` : '，请在“修订”中查看'}`);
        // The text stays as it was (the suggestions wait for the drafter): on to the next place.
        if (!all) goTo(found, (Math.max(at, 0) + 1) % n);
        return;
      }
      if (all) {
        const changed = found.filter((p) => p.matches.length && apis.current.get(p.key)?.replace(p.matches, replacement));
        const count = changed.reduce((k, p) => k + p.matches.length, 0);
        setMessage(`已替换 ${count} 处（${changed.length} 个部分），在各部分中按 Ctrl+Z 可撤销`);
        search(query);
        setAt(-1);
        return;
      }
      if (!apis.current.get(current.key)?.replace([current.match], replacement)) return;
      setMessage('已替换 1 处');
      // The place replaced is gone: the one that was after it now has its number.
      const left = search(query);
      if (total(left)) goTo(left, Math.min(Math.max(at, 0), total(left) - 1));
    } finally {
      setBusy(false);
    }
  };

  return {
    mode,
    show,
    close: () => setMode(null),
    mayReplace,
    suggesting,
    query,
    setQuery,
    replacement,
    setReplacement: (r: string) => setReplacement(cleanQuery(r)),
    parts,
    total: total(parts),
    at,
    message,
    busy,
    next: () => step(1),
    previous: () => step(-1),
    replaceOne: () => void run(false),
    replaceAll: () => void run(true),
  };
}

export type FindReplaceState = ReturnType<typeof useFindReplace>;
