// 公开前检查: what must not go onto the government website with a report — a citizen's ID number, a mobile or bank
// card number, the full name of a party in a case, a home address, or a 秘密 / 内部 marker. Pure and linear: each
// pattern is one regular-expression pass without nested repetition.

export type PrivacyKind = 'id-number' | 'mobile' | 'bank-card' | 'party-name' | 'address' | 'secret-marker';

/** `key` names a finding across scans (the part, the kind and the words), so a reason can be given for each. */
export type PrivacyFinding = { kind: PrivacyKind; text: string; where: string; message: string; key: string };

const KIND_LABELS: Record<PrivacyKind, string> = {
  'id-number': '居民身份证号码',
  mobile: '手机号码',
  'bank-card': '银行卡号',
  'party-name': '当事人姓名',
  address: '家庭住址',
  'secret-marker': '密级或内部标识',
};

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** An 18-digit resident ID number with a real birth date and the right check character (GB 11643). */
export function isResidentId(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2099 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
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

// The hundred most common surnames: a party's name begins with one of them.
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(''),
);
// Words after 当事人 that begin with a surname character but are not names.
const NOT_NAMES = /^(陈述|方面|方式|程序|高度|周边|金额|林业|石材|江河|马上|万元|严格|向其|向当|于法|任何|武装|史料|孔洞|龙头|白天|毛重|钱款|黄金|田地|余额|段落|贺信|顾问|夏季|汪洋|孟春|苏醒|魏然)/;
const PARTY_RE = /(当事人|申请人|被申请人|原告|被告|第三人|被处罚人|违法行为人|被执行人|上访人|信访人)[:：\s]?([\u4e00-\u9fa5]{2,3})(?=[，,。、；;（(\s]|等|因|于|在|的|被|对|向|未|已|称|与|和|非|违|拒|擅|私|无|涉|驾|醉|酒|占|盗|殴|诉|不|$)/g;
const SECRET_RE = /★|绝密|机密|秘密★|内部资料|内部文件|内部使用|仅供内部|不宜公开|不得公开/g;
// A house in a village or compound: 青山村3组12号, 幸福小区5栋2单元301室 (a street number alone may be an office's).
const ADDRESS_RE = /[\u4e00-\u9fa5]{1,8}(村|社区|小区|巷|弄)(\d{1,3}组|[\u4e00-\u9fa5]{0,4})\d{1,4}(号楼|号|栋|幢)(\d{1,4}(单元|室|号))*/g;

function around(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - 10), Math.min(text.length, end + 10)).replace(/\s+/g, ' ');
}

/** Every finding in the parts of the 公开稿 (`where` names the part), in order. */
export function scanForPublication(parts: Array<{ where: string; text: string }>): PrivacyFinding[] {
  const out: Array<Omit<PrivacyFinding, 'key'> & { order: number }> = [];
  let base = 0;
  const push = (kind: PrivacyKind, where: string, text: string, start: number, end: number) =>
    out.push({ order: base + start, kind, text: text.slice(start, end), where, message: `${where}：疑似${KIND_LABELS[kind]}“${text.slice(start, end)}”（…${around(text, start, end)}…）` });
  for (const { where, text } of parts) {
    for (const m of text.matchAll(/(?<![\dXx])\d{17}[\dXx](?![\dXx])/g)) if (isResidentId(m[0])) push('id-number', where, text, m.index!, m.index! + m[0].length);
    for (const m of text.matchAll(/(?<!\d)1[3-9]\d{9}(?!\d)/g)) push('mobile', where, text, m.index!, m.index! + m[0].length);
    for (const m of text.matchAll(/(?<!\d)\d{16,19}(?!\d)/g)) if (!(m[0].length === 18 && isResidentId(m[0])) && luhn(m[0])) push('bank-card', where, text, m.index!, m.index! + m[0].length);
    for (const m of text.matchAll(PARTY_RE)) {
      const name = m[2]!;
      if (!SURNAMES.has(name[0]!) || /某|X|x|×|＊|\*/.test(name) || NOT_NAMES.test(name)) continue;
      const start = m.index! + m[0].length - name.length;
      push('party-name', where, text, start, start + name.length);
    }
    for (const m of text.matchAll(ADDRESS_RE)) push('address', where, text, m.index!, m.index! + m[0].length);
    for (const m of text.matchAll(SECRET_RE)) push('secret-marker', where, text, m.index!, m.index! + m[0].length);
    base += text.length + 1;
  }
  // In reading order.
  return out.sort((a, b) => a.order - b.order).map((f) => ({ kind: f.kind, text: f.text, where: f.where, message: f.message, key: `${f.where}|${f.kind}|${f.text}` }));
}
