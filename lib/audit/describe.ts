// The audit log as people read it: each action's name and its details as one Chinese sentence (创建 示例镇
// 2025年度报告（从模板）) instead of stored JSON. Pure; the names of users, townships and counties are looked up by
// the caller and handed in.
import { ROLE_LABELS, STATUS_LABELS } from '@/lib/domain/labels';
import { SECTION_LABELS, isBodySectionKey } from '@/lib/domain/sections';
import type { ReportStatus, Role } from '@/lib/domain/vocabulary';
import { TRANSITIONS, type TransitionName } from '@/lib/domain/workflow';

export const ACTION_LABELS: Record<string, string> = {
  'season.import': '导入年度配置包',
  'user.login': '登录',
  'user.create': '添加账号',
  'user.password-reset': '重置密码',
  'user.activate': '启用账号',
  'user.deactivate': '停用账号',
  'user.scope': '修改角色与范围',
  'user.counties': '设置审核人负责的其他县',
  'user.email': '设置通知邮箱',
  'user.password-change': '本人修改密码',
  'county.create': '添加县（区）',
  'county.rename': '县（区）改名',
  'county.deadline': '设置收集日期',
  'township.create': '添加乡镇（街道）',
  'township.rename': '乡镇（街道）改名',
  'township.code': '设置统一社会信用代码',
  'county.categories': '设置目录分类',
  'report.create': '创建报告',
  'report.import': '导入报告',
  'report.transition': '流程操作',
  'version.save': '保存版本',
  'version.restore': '恢复版本',
  'comment.create': '添加批注',
  'comment.delete': '删除批注',
  'suggestion.create': '提出修订',
  'suggestion.accept': '接受修订',
  'suggestion.reject': '拒绝修订',
  'suggestion.reply': '回复修订',
  'suggestion.withdraw': '撤回修订',
  'review.import': '登记 Word 审阅稿',
  'verdict.set': '逐项审核意见',
  'verdict.done': '标记审核意见已修改',
  'login.failure': '登录失败',
  'login.lockout': '登录锁定',
  'login.unlock': '解除登录锁定',
  'session.revoke': '结束登录会话',
  'two-factor.enrol': '启用两步验证',
  'two-factor.disable': '关闭两步验证',
  'two-factor.reset': '重置两步验证',
  'two-factor.required': '设置必须使用两步验证的角色',
  'two-factor.login': '两步验证通过',
  'two-factor.failure': '两步验证码错误',
  'two-factor.lockout': '两步验证锁定',
  'two-factor.recovery-used': '使用恢复码登录',
  'two-factor.recovery-regenerate': '重新生成恢复码',
  'request.refused': '拒绝越权请求',
};

const REVOKE_REASONS: Record<string, string> = {
  logout: '退出登录',
  'logout-all': '退出所有设备',
  password: '修改了密码',
  'password-reset': '管理员重置了密码',
  deactivated: '账号被停用',
  role: '角色或范围变更',
  counties: '负责的县变更',
  admin: '管理员强制下线',
  idle: '长时间未操作',
  expired: '超过最长登录时间',
  'two-factor': '两步验证变更或验证码错误过多',
  'two-factor-reset': '管理员重置了两步验证',
};

export type AuditNames = {
  user: (id: unknown) => string | null;
  township: (id: unknown) => string | null;
  county: (id: unknown) => string | null;
  /** A checklist item's label (the season packs'), for the reviewer's verdicts. */
  item?: (id: unknown) => string | null;
};

/** Actions hidden from the log unless asked for: every sign-in would drown what people did. */
export const QUIET_ACTIONS: readonly string[] = ['user.login', 'two-factor.login'];

type Detail = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const section = (k: unknown) => (typeof k === 'string' && isBodySectionKey(k) ? SECTION_LABELS[k] : '');
const status = (s: unknown) => (typeof s === 'string' && s in STATUS_LABELS ? STATUS_LABELS[s as ReportStatus] : str(s));
const role = (r: unknown) => (typeof r === 'string' && r in ROLE_LABELS ? ROLE_LABELS[r as Role] : str(r));
const who = (d: Detail, n: AuditNames) => str(d.username) || n.user(d.userId) || (d.userId ? `账号 ${str(d.userId)}` : '');

/** A checklist item by its label, its stored id only when no pack names it. */
const item = (d: Detail, n: AuditNames) => {
  const label = n.item?.(d.itemId);
  return label ? `“${label}”` : ` ${str(d.itemId)}`;
};

function scope(x: unknown, n: AuditNames): string {
  if (!x || typeof x !== 'object') return '';
  const s = x as Detail;
  const where = s.townshipId ? n.township(s.townshipId) : s.countyId ? n.county(s.countyId) : null;
  return `${role(s.role)}${where ? `（${where}）` : ''}`;
}

/** One sentence for an audit row; the action's own name when the details say nothing more. */
export function describeAudit(action: string, rawDetail: string | null, n: AuditNames): string {
  let d: Detail = {};
  try {
    const parsed: unknown = rawDetail ? JSON.parse(rawDetail) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) d = parsed as Detail;
  } catch {
    return rawDetail ?? '';
  }
  switch (action) {
    case 'report.create':
      return `创建 ${n.township(d.townshipId) ?? ''} ${str(d.year)}年度报告（${d.from === 'last-year' ? '从上年度报告' : '从模板'}）`;
    case 'report.import':
      return `导入报告${d.replaced ? '，替换了原有内容（原内容保存为版本）' : ''}${Number(d.suggestions) > 0 ? `，含 ${str(d.suggestions)} 处 Word 修订` : ''}${
        Number(d.revisions) > 0 ? `；文件含 ${str(d.revisions)} 处 Word 修订，${d.revisionChoice === 'original' ? '按修订前的文字导入' : '接受全部修订后导入'}` : ''
      }`;
    case 'report.transition': {
      const t = typeof d.transition === 'string' && d.transition in TRANSITIONS ? TRANSITIONS[d.transition as TransitionName].label : str(d.transition);
      const overrides = Array.isArray(d.privacyOverrides) ? (d.privacyOverrides as Array<{ finding?: unknown; reason?: unknown }>) : [];
      // Rows written before reasons were given per finding hold one reason for all of them.
      const override = overrides.length
        ? `；公开前检查发现 ${overrides.length} 处问题，仍公开：${overrides.map((o) => `${str(o.finding)}（理由：${str(o.reason)}）`).join('；')}`
        : d.privacyOverride
          ? `；公开前检查发现 ${Array.isArray(d.privacyFindings) ? d.privacyFindings.length : ''} 处问题，仍公开，理由：${str(d.privacyOverride)}`
          : '';
      const masks = Array.isArray(d.masks) ? (d.masks as Array<{ finding?: unknown; replacement?: unknown }>) : [];
      const masked = masks.length ? `；公开稿中遮盖 ${masks.length} 处：${masks.map((m) => `${str(m.finding)} → “${str(m.replacement)}”`).join('；')}` : '';
      const frozen = d.sha256 ? `；公开稿存档 SHA-256 ${str(d.sha256).slice(0, 12)}…${Number(d.publicationSeq) > 1 ? `（第 ${str(d.publicationSeq)} 次公开，即更正）` : ''}` : '';
      return `${t}：${status(d.from)} → ${status(d.to)}${d.reason ? `；原因：${str(d.reason)}` : ''}${d.url ? `；公开地址：${str(d.url)}` : ''}${override}${masked}${frozen}`;
    }
    case 'version.save':
      return `保存版本“${str(d.label)}”`;
    case 'version.restore':
      return `恢复到第 ${str(d.fromVersionId)} 号版本（恢复后为第 ${str(d.newVersionId)} 号）`;
    case 'comment.create':
      return `在“${section(d.sectionKey)}”添加批注`;
    case 'comment.delete':
      return '删除一条批注';
    case 'review.import':
      return `登记审阅后的 Word 文件“${str(d.fileName)}”（SHA-256 ${str(d.sha256)}）：${str(d.suggestions)} 条修订、${str(d.comments)} 条批注和回复，重复 ${str(d.duplicates)} 处，无法定位 ${str(d.unplaced)} 处`;
    case 'suggestion.create':
    case 'suggestion.accept':
    case 'suggestion.reject':
    case 'suggestion.withdraw':
      return `${ACTION_LABELS[action]}：“${section(d.sectionKey)}”第 ${str(d.suggestionId)} 条`;
    case 'suggestion.reply':
      return `回复第 ${str(d.suggestionId)} 条修订`;
    case 'verdict.done':
      return `清单项${item(d, n)}：${d.done ? '起草人说明已修改' : '取消已修改标记'}`;
    case 'verdict.set':
      return `清单项${item(d, n)}：${d.verdict === 'pass' ? '通过' : d.verdict === 'fix' ? '需修改' : '撤回意见'}`;
    case 'user.login':
      return '登录成功';
    case 'user.create':
      return `添加账号 ${who(d, n)}（${role(d.role)}）`;
    case 'user.activate':
    case 'user.deactivate':
    case 'user.password-reset':
    case 'user.password-change':
      return `${ACTION_LABELS[action]}：${who(d, n)}`;
    case 'user.scope':
      return `${who(d, n)}：${scope(d.from, n)} → ${scope(d.to, n)}`;
    case 'user.email':
      return `${who(d, n)}：${d.set ? '设置了通知邮箱' : '清空了通知邮箱'}`;
    case 'user.counties': {
      const names = Array.isArray(d.countyIds) ? d.countyIds.map((id) => n.county(id) ?? `#${str(id)}`) : [];
      return `${who(d, n)} 另负责审核：${names.length ? names.join('、') : '（无）'}`;
    }
    case 'county.create':
      return `添加县（区）${str(d.name)}`;
    case 'county.rename':
      return `县（区）${str(d.from)} 改名为 ${str(d.to)}`;
    case 'county.deadline':
      return `${n.county(d.countyId) ?? ''} ${str(d.year)}年度报告的收集日期定为 ${str(d.collectionDate)}`;
    case 'season.import':
      return `导入${str(d.season)}年度配置包（${d.county ? str(d.county) : str(d.scope)}），${str(d.items)} 个事项、${str(d.documents)} 份文件，SHA-256 ${str(d.sha256).slice(0, 12)}…`;
    case 'township.create':
      return `在 ${n.county(d.countyId) ?? ''} 添加 ${str(d.name)}`;
    case 'township.rename':
      return `${str(d.from)} 改名为 ${str(d.to)}（${str(d.kind)}）`;
    case 'county.categories':
      return `${str(d.name)} 的主题分类设为 ${d.topicCategory ? str(d.topicCategory) : '默认'}，体裁分类设为 ${d.genreCategory ? str(d.genreCategory) : '默认'}`;
    case 'township.code':
      return d.to ? `${str(d.name)} 的统一社会信用代码设为 ${str(d.to)}` : `清除 ${str(d.name)} 的统一社会信用代码`;
    case 'login.failure':
    case 'login.lockout':
      return `${ACTION_LABELS[action]}：用户名 ${str(d.username)}`;
    case 'login.unlock':
      return `解除 ${who(d, n)} 的登录锁定${Array.isArray(d.addresses) && d.addresses.length ? `（${d.addresses.map(str).join('、')}）` : ''}`;
    case 'session.revoke':
      return `结束 ${who(d, n)} 的 ${str(d.count)} 个登录会话（${REVOKE_REASONS[str(d.reason)] ?? str(d.reason)}）`;
    case 'two-factor.enrol':
    case 'two-factor.disable':
    case 'two-factor.recovery-regenerate':
    case 'two-factor.lockout':
      return `${ACTION_LABELS[action]}：${who(d, n)}`;
    case 'two-factor.reset':
      return `重置 ${who(d, n)} 的两步验证${d.hadFactor ? '' : '（原本未启用）'}，该账号的登录全部下线`;
    case 'two-factor.required': {
      const roles = (v: unknown) => (Array.isArray(v) && v.length ? v.map(role).join('、') : '（无）');
      return `必须使用两步验证的角色：${roles(d.from)} → ${roles(d.to)}`;
    }
    case 'two-factor.login':
      return `${who(d, n)} 通过两步验证${d.recovery ? '（使用恢复码）' : ''}`;
    case 'two-factor.failure':
      return `${who(d, n)} 输入的${d.context === 'login' ? '登录验证码' : '验证码或密码'}不正确`;
    case 'two-factor.recovery-used':
      return `${who(d, n)} 使用恢复码登录，还剩 ${str(d.left)} 个`;
    default:
      return Object.entries(d)
        .map(([k, v]) => `${k}：${typeof v === 'object' ? JSON.stringify(v) : str(v)}`)
        .join('；');
  }
}
