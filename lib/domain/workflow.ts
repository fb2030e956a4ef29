// The review workflow: which transitions exist, from which states, for whom; the server enforces exactly this table.
import type { ReportStatus } from '@/lib/domain/vocabulary';
import type { Action } from '@/lib/domain/permissions';

export const TRANSITIONS = {
  submit: { from: ['drafting', 'returned'], to: 'submitted', action: 'report.submit', label: '提交审核' },
  // Taking a submission back, only until a reviewer has commented, suggested or given a verdict on it
  // (lib/review/transitions.ts checks that).
  withdraw: { from: ['submitted'], to: 'drafting', action: 'report.submit', label: '撤回' },
  return: { from: ['submitted', 'approved'], to: 'returned', action: 'report.review', label: '退回修改' },
  approve: { from: ['submitted'], to: 'approved', action: 'report.review', label: '审核通过' },
  finalise: { from: ['approved'], to: 'final', action: 'report.finalise', label: '定稿' },
  publish: { from: ['final'], to: 'published', action: 'report.finalise', label: '登记公开' },
  reopen: { from: ['final', 'published'], to: 'drafting', action: 'report.reopen', label: '重新打开' },
} as const satisfies Record<string, { from: readonly ReportStatus[]; to: ReportStatus; action: Action; label: string }>;

export type TransitionName = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

/** Only a draft, or a draft returned for changes, has editable text; review and final states are locked. */
export const EDITABLE_STATUSES: readonly ReportStatus[] = ['drafting', 'returned'];

export function isEditableStatus(status: ReportStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

export const LOCKED_MESSAGES: Record<ReportStatus, string> = {
  drafting: '',
  returned: '',
  submitted: '报告已提交审核，审核期间不能修改正文；如需修改，请联系审核人退回。',
  approved: '报告已审核通过，正文不能再修改；如需修改，请联系审核人退回。',
  final: '报告已定稿，正文已锁定，不能再修改。',
  published: '报告已公开，正文已锁定，不能再修改。',
};

export function canTransitionFrom(name: TransitionName, status: ReportStatus): boolean {
  return (TRANSITIONS[name].from as readonly ReportStatus[]).includes(status);
}

/** The transitions this actor may make now, for the buttons; the server checks again on every request. */
export function availableTransitions(
  status: ReportStatus,
  allowed: (action: Action) => boolean,
): TransitionName[] {
  return TRANSITION_NAMES.filter((name) => canTransitionFrom(name, status) && allowed(TRANSITIONS[name].action));
}
