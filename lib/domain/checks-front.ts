// Checks of the front matter a county reviewer makes beyond its presence: the 主送 must be the county's Party committee
// and government, not one of its departments. Pure, linear in the text.
import type { Check, ReportText } from './model';

/** Where a county-level place name ends: 博爱县, 城关区, 额济纳旗, 某某市 (county-level city). */
const PLACE = '(?:自治县|县|区|市|旗)';
const PARTY_RE = new RegExp(`^(?:中共|中国共产党)?.{0,12}?${PLACE}(?:委|委员会)$`);
const GOVERNMENT_RE = new RegExp(`^.{0,12}?${PLACE}(?:人民)?政府$`);
// A department, an office or a township-level station: 县司法局, 司法所, 依法治县办, 县委办公室, 综治中心, 领导小组.
const DEPARTMENT_RE = /(?:局|所|办公室|办|中心|部|科|股|站|小组|委员会)$/;
const COUNTY_NAME_RE = new RegExp(`^(?:中共)?(.{1,6}?${PLACE})(?=.)`);

export type RecipientOrgan = { name: string; kind: 'party' | 'government' | 'department' | 'other' };

/** The organs a 主送 line names, each read as the county's Party committee, its government, a department or other. */
export function recipientOrgans(recipient: string): RecipientOrgan[] {
  return recipient
    .replace(/[：:。．.\s\u3000]+$/, '')
    .split(/[、，,；;\s\u3000]+/)
    .filter(Boolean)
    .map((name) => {
      // 县委全面依法治县委员会(办公室) is a body of the county committee, not the committee itself.
      const ruleOfLawBody = name.includes('依法治');
      if (!ruleOfLawBody && PARTY_RE.test(name)) return { name, kind: 'party' as const };
      if (GOVERNMENT_RE.test(name)) return { name, kind: 'government' as const };
      if (ruleOfLawBody || DEPARTMENT_RE.test(name)) return { name, kind: 'department' as const };
      return { name, kind: 'other' as const };
    });
}

/** The county's name as a department's name gives it (博爱县司法局 → 博爱县), for the corrected 主送. */
function countyName(departments: string[]): string | null {
  for (const d of departments) {
    const m = COUNTY_NAME_RE.exec(d);
    if (m && !/委|依法|政府|司法/.test(m[1]!)) return m[1]!;
  }
  return null;
}

/** A 主送 addressed to a department (县司法局, 司法所, 依法治县办…) instead of the county's Party committee and government. */
export function checkRecipientDepartment(report: ReportText): Check[] {
  const recipient = report.recipient?.trim();
  if (!recipient) return [];
  const departments = recipientOrgans(recipient)
    .filter((o) => o.kind === 'department')
    .map((o) => o.name);
  if (departments.length === 0) return [];
  const county = countyName(departments) ?? '××县';
  return [
    {
      code: 'recipient-department',
      section: 'recipient',
      severity: 'warning',
      message: `主送机关写的是“${departments.join('、')}”。年度报告向县委、县政府报告，主送应写“中共${county}委、${county}人民政府：”；依法治县办、司法局等部门可列入抄送。`,
      evidence: departments.join('、'),
    },
  ];
}
