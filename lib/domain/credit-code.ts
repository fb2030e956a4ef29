// 统一社会信用代码 (GB 32100-2015): 18 characters — 登记管理部门码, 机构类别码, the 6-digit 登记管理机关行政区划码, the
// 9-character 主体标识码 and a check character computed from the first 17 with the standard's weights, modulo 31.
// Pure; one pass over 18 characters.

/** The 31 characters a code may use (no I, O, S, V, Z): each one's value is its place here. */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The code as typed, without spaces and in capitals (全角 letters and digits read as ASCII). */
export function normaliseCreditCode(raw: string): string {
  return raw
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

/** The check character of the first 17 characters (which must already be from the code's alphabet). */
export function creditCodeCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARS.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARS[(31 - (sum % 31)) % 31]!;
}

/** Why a code is not a valid 统一社会信用代码, in Chinese, or null when it is one (check character included). */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码应为 18 位，“${code.slice(0, 30)}”是 ${Array.from(code).length} 位。`;
  if (!SHAPE.test(code)) return `统一社会信用代码“${code}”含有不允许的字符：只能是数字和除 I、O、S、V、Z 以外的大写字母，第 3 至 8 位为行政区划代码（数字）。`;
  const expected = creditCodeCheck(code.slice(0, 17));
  if (expected !== code[17]) return `统一社会信用代码“${code}”的校验位不对：按 GB 32100-2015 计算，第 18 位应为“${expected}”。请核对是否抄错。`;
  return null;
}
