// The keys of a report's parts, in the common order (domain.md §2), and which of them hold rich text.

/** Parts whose body is rich text, stored one row each in report_sections. */
export const BODY_SECTION_KEYS = ['preface', 'measures', 'leaders', 'shortcomings', 'plans', 'other'] as const;
export type BodySectionKey = (typeof BODY_SECTION_KEYS)[number];

/** Every part of the report in document order; title, recipient, signature and cc live on the report row. */
export const SECTION_KEYS = [
  'title',
  'recipient',
  ...BODY_SECTION_KEYS.slice(0, 6),
  'signature',
  'cc',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const OPTIONAL_SECTION_KEYS: readonly SectionKey[] = ['other', 'cc'];

export function isBodySectionKey(key: string): key is BodySectionKey {
  return (BODY_SECTION_KEYS as readonly string[]).includes(key);
}

/** Short Chinese names of the parts, as shown in lists and messages. */
export const SECTION_LABELS: Record<SectionKey, string> = {
  title: '标题',
  recipient: '主送机关',
  preface: '导语',
  measures: '一、主要举措和成效',
  leaders: '二、第一责任人履职情况',
  shortcomings: '三、存在的不足和原因',
  plans: '四、下一年度主要安排',
  other: '五、其他需要报告的情况',
  signature: '落款和成文日期',
  cc: '抄送',
};
