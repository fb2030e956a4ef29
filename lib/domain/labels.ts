// Chinese labels for roles, report statuses and township kinds, shared by pages and messages.
import type { ReportStatus, Role } from '@/lib/domain/vocabulary';

export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', reviewer: '审核人', drafter: '起草人' };

export const STATUS_LABELS: Record<ReportStatus, string> = {
  drafting: '起草中',
  submitted: '待审核',
  returned: '退回修改',
  approved: '审核通过',
  final: '已定稿',
  published: '已公开',
};
