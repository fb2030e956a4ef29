// 公开前检查: what must not go onto the government website with a report — a citizen's ID number, a mobile or bank
// card number, the full name of a party in a case, a home address, or a 秘密 / 内部 marker. Pure and linear, so the
// editor can run it while drafting as well: digits are read from a normalised copy (full-width digits as ASCII, runs
// split by spaces or dashes joined), each other pattern is one regular-expression pass whose repetitions are bounded,
// and every finding names its span in the original text.

export type PrivacyKind = 'id-number' | 'id-number-suspect' | 'mobile' | 'bank-card' | 'party-name' | 'address' | 'secret-marker';

/** One finding in one text: `start`/`end` are offsets in that text (UTF-16, as String.slice), `text` what is there. */
export type PrivacyFinding = { kind: PrivacyKind; start: number; end: number; text: string; message: string };

/** A finding in the 公开稿: `where` names the part, `key` names the finding across scans (a reason is given per key). */
export type PublicationFinding = PrivacyFinding & { where: string; key: string };

const KIND_LABELS: Record<PrivacyKind, string> = {
  'id-number': '居民身份证号码',
  'id-number-suspect': '身份证号（校验位不符，可能输错）',
  mobile: '手机号码',
  'bank-card': '银行卡号',
  'party-name': '当事人姓名',
  address: '家庭住址',
  'secret-marker': '密级或内部标识',
};

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** An 18-character ID shape: 17 digits and a digit or X, the middle eight a real birth date from 1900 to 2099. */
function isIdShape(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2099 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An 18-digit resident ID number with a real birth date and the right check character (GB 11643). */
export function isResidentId(s: string): boolean {
  if (!isIdShape(s)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  return ID_CHECK[sum % 11] === s[17]!.toUpperCase();
}

/** The Luhn check digit for the digits before it (bank card numbers end with one). */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let n = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return String((10 - (sum % 10)) % 10);
}

const luhn = (s: string) => luhnCheckDigit(s.slice(0, -1)) === s.slice(-1);

// ---------------------------------------------------------------------------------------------------------------
// Numbers: ID, mobile and bank card numbers, also typed with spaces or dashes between groups or in full-width digits.

/** The text with full-width digits and X as ASCII, one character for one (so offsets stay those of the original). */
function normaliseDigits(text: string): string {
  return text.replace(/[\uff10-\uff19\uff38\uff58]/g, (c) => (c === '\uff38' || c === '\uff58' ? 'X' : String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)));
}

// What may stand between the groups of one number: spaces (also full-width and no-break) and dashes, at most three.
const SEPARATOR = /[ \u00a0\u3000\-\u2010\u2011\u2012\u2013\u2014\uff0d]/;
const MAX_SEPARATORS = 3;
// A group: digits, perhaps ending in X (an ID number's check character).
type Group = { digits: string; start: number; end: number };

/** The runs of digit groups in a normalised text: groups split by a few separators belong to one run. */
function digitRuns(norm: string): Group[][] {
  const runs: Group[][] = [];
  let run: Group[] = [];
  let i = 0;
  while (i < norm.length) {
    if (!isDigit(norm, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < norm.length && isDigit(norm, i)) i++;
    if (i < norm.length && (norm[i] === 'X' || norm[i] === 'x') && !isLetter(norm, i + 1)) i++;
    const group = { digits: norm.slice(start, i).toUpperCase(), start, end: i };
    // Joined to the previous group only across a few separators.
    const prev = run.at(-1);
    if (prev && !joins(norm, prev.end, start)) {
      runs.push(run);
      run = [];
    }
    run.push(group);
    if (/X$/.test(group.digits)) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

const isDigit = (s: string, i: number) => s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;
const isLetter = (s: string, i: number) => i < s.length && /[A-Za-z]/.test(s[i]!);

function joins(norm: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > MAX_SEPARATORS) return false;
  for (let k = from; k < to; k++) if (!SEPARATOR.test(norm[k]!)) return false;
  return true;
}

const ID_CONTEXT = /身份证|证件号|身份号码|公民身份/;
const CARD_CONTEXT = /银行卡|卡号|账号|帐号|账户|帐户|银行账/;

type NumberHit = { kind: PrivacyKind; length: number };

/** What a number made of `groups` (joined) is, if anything; `before` is the text just before it. */
function classifyNumber(digits: string, groups: Group[], before: string): NumberHit | null {
  const n = digits.length;
  if (n === 18 && isResidentId(digits)) return { kind: 'id-number', length: n };
  if (n === 18 && isIdShape(digits) && ID_CONTEXT.test(before)) return { kind: 'id-number-suspect', length: n };
  if (n === 11 && /^1[3-9]\d{9}$/.test(digits)) return { kind: 'mobile', length: n };
  if (!/^\d+$/.test(digits)) return null;
  if (n >= 16 && n <= 19 && luhn(digits)) return { kind: 'bank-card', length: n };
  // Grouped by four, as a card is printed (6222 0212 3456 7890 123): a card number whatever its check digit.
  if (n >= 16 && n <= 19 && groups.length >= 4 && groups.slice(0, -1).every((g) => g.digits.length === 4)) return { kind: 'bank-card', length: n };
  if (n >= 10 && n <= 19 && CARD_CONTEXT.test(before)) return { kind: 'bank-card', length: n };
  return null;
}

function scanNumbers(text: string, push: (kind: PrivacyKind, start: number, end: number) => void): void {
  const norm = normaliseDigits(text);
  for (const run of digitRuns(norm)) {
    let i = 0;
    while (i < run.length) {
      // The longest number starting at group i that is one of ours (at most 19 digits: a constant number of groups).
      let digits = '';
      let best: { hit: NumberHit; last: number } | null = null;
      for (let j = i; j < run.length; j++) {
        digits += run[j]!.digits;
        if (digits.length > 19) break;
        const before = text.slice(Math.max(0, run[i]!.start - 12), run[i]!.start);
        const hit = classifyNumber(digits, run.slice(i, j + 1), before);
        if (hit) best = { hit, last: j };
      }
      if (best) {
        push(best.hit.kind, run[i]!.start, run[best.last]!.end);
        i = best.last + 1;
      } else i++;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Words: party names, home addresses, markers.

// The hundred most common surnames: a party's name begins with one of them.
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(''),
);
// Words after 当事人 / 联系人 that begin with a surname character but are not names.
const NOT_NAMES = /^(陈述|方面|方式|程序|高度|周边|金额|林业|石材|江河|马上|万元|严格|向其|向当|于法|任何|武装|史料|孔洞|龙头|白天|毛重|钱款|黄金|田地|余额|段落|贺信|顾问|夏季|汪洋|孟春|苏醒|魏然|方法|程度|高效|周期|周末|向社会|向群众|于此|于是)/;
const PARTY_RE =
  /(当事人|申请人|被申请人|原告|被告|第三人|被处罚人|违法行为人|被执行人|上访人|信访人|联系人)(?:为|是)?[:：\s]?([\u4e00-\u9fa5]{2,3}?)(?=[，,。、；;（(\s]|等|因|于|在|的|被|对|向|未|已|称|与|和|非|违|拒|擅|私|无|涉|驾|醉|酒|占|盗|殴|诉|不|同志|先生|女士|电话|联系|手机|$)/g;

// A marker on the document: 绝密 anywhere; 机密 / 秘密 standing as a marker (with ★, 级, in brackets, after 密级, at the
// start of a line); 内部 naming the paper (内部资料, 内部材料, 仅供内部 …) — not 国家秘密, 工作秘密,
// 内部控制, 内部审计 or 内部管理, which are ordinary words in a report.
const SECRET_RE =
  /(★|绝密)|(?:密级[:：\s]{0,3}|[【〔（(\[]\s{0,2}|^[ \t\u3000]{0,8})(机密|秘密)|(机密|秘密)(?=\s{0,2}(?:★|级|[】〕）)\]]))|(内部(?:资料|材料|文件|使用|参考|传阅|刊物|讨论稿|掌握)|仅供内部|不宜公开|不得公开)/gm;

// A house in a village or compound: 青山村3组12号, 幸福小区5栋2单元301室 (a street number alone may be an office's).
const ADDRESS_RE = /[\u4e00-\u9fa5]{1,8}(村|社区|小区|巷|弄)(\d{1,3}组|[\u4e00-\u9fa5]{0,4})\d{1,4}(号楼|号|栋|幢)(\d{1,4}(单元|室|号))*/g;
// On a road or street: a flat (…路12号3栋201室), or any number after words saying someone lives there (家住人民路28号).
const STREET = '[\\u4e00-\\u9fa5]{1,8}(?:路|街|大道|胡同)\\d{1,5}号(?:院)?';
const UNIT = '(?:\\d{1,4}(?:号楼|栋|幢|单元|楼|室|号))';
const FLAT_RE = new RegExp(`${STREET}${UNIT}{1,3}`, 'g');
const HOME_RE = new RegExp(`(?:家住|住址|住所|现住|暂住|住在|居住在|居住于|居住地|户籍地|家庭地址|(?<![居暂现记入])住(?![房建宅户院所址区宿]))[:：为是在于]?\\s?([\\u4e00-\\u9fa5\\d]{0,12}?(?:路|街|大道|胡同|巷|弄)\\d{1,5}号(?:院)?${UNIT}{0,3})`, 'g');

function around(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - 10), Math.min(text.length, end + 10)).replace(/\s+/g, ' ');
}

/** Every finding in one text, in reading order (the editor's live check and the 公开前检查 share it). */
export function scanText(text: string): PrivacyFinding[] {
  const out: PrivacyFinding[] = [];
  const push = (kind: PrivacyKind, start: number, end: number) => {
    const found = text.slice(start, end);
    out.push({ kind, start, end, text: found, message: `疑似${KIND_LABELS[kind]}“${found}”（…${around(text, start, end)}…）` });
  };
  scanNumbers(text, push);
  for (const m of text.matchAll(PARTY_RE)) {
    const name = m[2]!;
    if (!SURNAMES.has(name[0]!) || /某|X|x|×|＊|\*/.test(name) || NOT_NAMES.test(name)) continue;
    const start = m.index + m[0].length - name.length;
    push('party-name', start, start + name.length);
  }
  // One finding per place: where words say someone lives there, that span; the other patterns only where it is not.
  const home = new Uint8Array(text.length);
  for (const m of text.matchAll(HOME_RE)) {
    const start = m.index + m[0].length - m[1]!.length;
    home.fill(1, start, m.index + m[0].length);
    push('address', start, m.index + m[0].length);
  }
  const others: Array<[number, number]> = [];
  for (const m of text.matchAll(ADDRESS_RE)) others.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(FLAT_RE)) others.push([m.index, m.index + m[0].length]);
  others.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let last = -1;
  for (const [s, e] of others) {
    if (s < last || home.subarray(s, e).includes(1)) continue;
    push('address', s, e);
    last = e;
  }
  for (const m of text.matchAll(SECRET_RE)) {
    const word = m[1] ?? m[2] ?? m[3] ?? m[4]!;
    // The marker word is where the match ends (a prefix such as 密级： or a bracket comes before it), or all of it.
    const start = m[2] ? m.index + m[0].length - word.length : m.index;
    push('secret-marker', start, start + word.length);
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Every finding in the parts of the 公开稿 (`where` names the part), in reading order. */
export function scanForPublication(parts: Array<{ where: string; text: string }>): PublicationFinding[] {
  return parts.flatMap(({ where, text }) =>
    scanText(text).map((f) => ({ ...f, where, message: `${where}：${f.message}`, key: `${where}|${f.kind}|${f.text}` })),
  );
}
