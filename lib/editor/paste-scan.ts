// Reads clipboard HTML (Word, WPS, web pages) as a flat list of tokens in one pass: tags with their attributes,
// decoded text, and the two ends of a Word list paragraph's number (<![if !supportLists]> … <![endif]>, or its comment
// form). Comments, conditional blocks hidden from browsers, <style>, <script>, <head> and Office XML are skipped.
// Every search moves forward only, so the time is linear in the length of the HTML whatever it holds.

export type PasteToken =
  | { t: 'open'; tag: string; attrs: string }
  | { t: 'close'; tag: string }
  | { t: 'text'; text: string }
  | { t: 'label-start' }
  | { t: 'label-end' };

const SKIPPED = new Set(['style', 'script', 'xml', 'head', 'title', 'template']);
// Sticky, and never past the next '<': a tag without its '>' costs only the characters up to the next '<'.
const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*)>/y;
const ENTITY_RE = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g;
const NAMED: Record<string, string> = { nbsp: '\u00A0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: '\u2002', emsp: '\u2003', middot: '·', bull: '•', hellip: '…', mdash: '—', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’' };

export function decodeEntities(s: string): string {
  return s.replace(ENTITY_RE, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

/** What a conditional marker says: the start or end of a list number, or nothing that matters. */
function conditional(body: string): 'label-start' | 'label-end' | null {
  if (/^\[if\s+!supportLists\]/i.test(body)) return 'label-start';
  if (/^\[endif\]/i.test(body)) return 'label-end';
  return null;
}

export function scanPastedHtml(html: string): PasteToken[] {
  const out: PasteToken[] = [];
  const lower = html.toLowerCase();
  const n = html.length;
  let i = 0;
  // Runs of text (a stray '<' included) are one token: a range of the source, sliced and decoded once.
  let from = 0;
  let to = 0;
  const text = (a: number, b: number) => {
    if (a !== to) flushText();
    if (from === to) from = a;
    to = b;
  };
  const flushText = () => {
    if (to > from) out.push({ t: 'text', text: decodeEntities(html.slice(from, to)) });
    from = to;
  };
  const push = (tk: PasteToken) => {
    flushText();
    out.push(tk);
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      text(i, n);
      break;
    }
    text(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      const body = html.slice(lt + 4, end === -1 ? n : end);
      i = end === -1 ? n : end + 3;
      // <!--[if !supportLists]--> and <!--[endif]--> bracket visible text; <!--[if gte vml 1]>…<![endif]--> is hidden.
      const c = conditional(body);
      if (c && (c === 'label-end' || body.trimEnd().endsWith(']'))) push({ t: c });
      else if (c === 'label-start') {
        // The downlevel-hidden form <!--[if !supportLists]>1.<![endif]--> holds the number inside the comment.
        push({ t: 'label-start' });
        for (const tk of scanPastedHtml(body.replace(/^\[if[^\]]*\]>?/i, '').replace(/<!\[endif\]>?$/i, ''))) if (tk.t === 'text') push(tk);
        push({ t: 'label-end' });
      }
      continue;
    }
    if (html.startsWith('<!', lt) || html.startsWith('<?', lt)) {
      // <![if !supportLists]>, <![endif]>, <!DOCTYPE>, <?xml?>: markers, not content.
      const end = html.indexOf('>', lt);
      const c = conditional(html.slice(lt + 2, end === -1 ? n : end));
      if (c) push({ t: c });
      i = end === -1 ? n : end + 1;
      continue;
    }
    TAG_RE.lastIndex = lt;
    const m = TAG_RE.exec(html);
    if (!m) {
      text(lt, lt + 1);
      i = lt + 1;
      continue;
    }
    i = lt + m[0].length;
    const tag = m[2]!.toLowerCase();
    if (tag.includes(':')) continue; // <o:p>, <w:sdt>, <v:shape>: Office's own elements.
    if (m[1]) {
      push({ t: 'close', tag });
      continue;
    }
    if (SKIPPED.has(tag)) {
      const end = lower.indexOf(`</${tag}`, i);
      const close = end === -1 ? -1 : html.indexOf('>', end);
      i = close === -1 ? n : close + 1;
      continue;
    }
    push({ t: 'open', tag, attrs: m[3] ?? '' });
  }
  flushText();
  return out;
}
