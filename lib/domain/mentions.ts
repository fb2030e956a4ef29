// @mentions in a comment's text: which of the given people (by 姓名 or 用户名) the text names after an "@", and where.
// Pure; the server decides who the candidates are (the people who may read the report), never the browser.

export type MentionCandidate = { id: number; names: readonly string[] };
export type MentionSpan = { userId: number; start: number; end: number };

// A name ending in one of these does not end where the text goes on with another (so @li does not match in @lihua),
// and an "@" right after one is an e-mail address, not a mention.
const WORD = /[A-Za-z0-9_.-]/;

/**
 * Every mention in the text, in order: at each "@" the longest candidate name that follows it. Linear in the text for
 * a given set of candidates: at each "@" only the candidates' name lengths are tried, each one map lookup.
 */
export function findMentions(text: string, candidates: readonly MentionCandidate[]): MentionSpan[] {
  const byName = new Map<string, number>();
  for (const c of candidates)
    for (const raw of c.names) {
      const name = raw.trim();
      if (!name) continue;
      // One name held by two people names neither by it (a 用户名 still tells them apart).
      const held = byName.get(name);
      byName.set(name, held === undefined || held === c.id ? c.id : -1);
    }
  const lengths = [...new Set([...byName.keys()].map((n) => n.length))].sort((a, b) => b - a);
  const out: MentionSpan[] = [];
  let at = text.indexOf('@');
  while (at !== -1) {
    let next = at + 1;
    if (at === 0 || !WORD.test(text[at - 1]!)) {
      for (const len of lengths) {
        const name = text.slice(at + 1, at + 1 + len);
        const id = name.length === len ? byName.get(name) : undefined;
        if (id === undefined) continue;
        // The longest name that follows decides: one two people share mentions nobody.
        if (id === -1) break;
        const after = text[at + 1 + len];
        if (after !== undefined && WORD.test(after) && WORD.test(name[name.length - 1]!)) continue;
        out.push({ userId: id, start: at, end: at + 1 + len });
        next = at + 1 + len;
        break;
      }
    }
    at = text.indexOf('@', next);
  }
  return out;
}

/** The people the text mentions, each once, in the order first mentioned. */
export function mentionedIds(text: string, candidates: readonly MentionCandidate[]): number[] {
  return [...new Set(findMentions(text, candidates).map((m) => m.userId))];
}
