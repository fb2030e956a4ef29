// The parts of a report (keys from the vocabulary): which are optional, how to tell a body part, their short names.
import { BODY_SECTION_KEYS, type BodySectionKey, type SectionKey } from './vocabulary';

export { BODY_SECTION_KEYS, SECTION_KEYS, type BodySectionKey, type SectionKey } from './vocabulary';

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
