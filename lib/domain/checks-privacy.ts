// personal-info: the 公开前检查's scanner (privacy.ts) run while drafting, so the drafter sees a citizen's ID number, a
// phone or card number, a party's name, a home address or a 秘密 marker before the text is locked. Each part's
// findings point at their place in that part's text; the front matter's name the words as evidence. Linear: one scan
// per text.
import type { Check, ReportText } from './model';
import { scanText, type PrivacyFinding } from './privacy';
import { BODY_SECTION_KEYS } from './sections';

const ADVICE = '公开稿不得含有个人信息：请删去或改写（如“张某某”），或在登记公开时遮盖。';

function message(f: PrivacyFinding): string {
  return `${f.message}。${ADVICE}`;
}

export function checkPersonalInfo(report: ReportText): Check[] {
  const out: Check[] = [];
  const front: Array<[string, string | null]> = [
    ['title', report.title],
    ['recipient', report.recipient],
    ['signature', report.signature.organs.join('\n')],
  ];
  for (const [section, text] of front) {
    for (const f of text ? scanText(text) : []) {
      out.push({ code: 'personal-info', section, severity: 'warning', message: message(f), evidence: f.text });
    }
  }
  for (const key of BODY_SECTION_KEYS) {
    const text = report.sections[key];
    for (const f of text ? scanText(text) : []) {
      out.push({ code: 'personal-info', section: key, severity: 'warning', message: message(f), at: { section: key, start: f.start, end: f.end } });
    }
  }
  return out;
}
