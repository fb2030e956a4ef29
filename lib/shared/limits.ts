// Every size, depth, count and rate the app accepts from a user, in one table, each with the Chinese sentence a refusal shows.
import { AppError } from './errors';

type Limit = { value: number; message: (value: number) => string };

const kb = (n: number) => `${Math.round(n / 1024)} KB`;
const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

export const LIMITS = {
  // --- Editor documents (one part of a report) ---
  sectionChars: { value: 100_000, message: (v) => `本部分超过 ${v / 10_000} 万字的上限，未保存。请精简内容或把附表另行报送。` },
  docDepth: { value: 24, message: (v) => `内容的嵌套层次超过 ${v} 层（例如列表套列表），未保存。请减少嵌套。` },
  docNodes: { value: 60_000, message: (v) => `内容的段落、表格单元和格式块超过 ${v} 个，未保存。请精简内容。` },
  listDepth: { value: 6, message: (v) => `列表最多嵌套 ${v} 层，未保存。请减少列表层次。` },
  tableRows: { value: 500, message: (v) => `一个表格最多 ${v} 行，未保存。请把大表格作为附件另行报送。` },
  tableColumns: { value: 30, message: (v) => `一个表格最多 ${v} 列（含合并的单元格），未保存。` },
  tableCells: { value: 5_000, message: (v) => `一个表格最多 ${v} 个单元格，未保存。请把大表格作为附件另行报送。` },
  // colspan / rowspan are further bounded by the table's own size (a cell cannot span past its table).
  // What 查找和替换 looks for and puts in (the dialog's fields; matching is linear in the text for a query this long).
  findQueryChars: { value: 100, message: (v) => `查找和替换的文字不能超过 ${v} 个字。` },
  cellSpan: { value: 30, message: (v) => `单元格合并不能超过 ${v} 格，也不能超出表格范围，未保存。` },
  // --- Review ---
  commentChars: { value: 2_000, message: (v) => `批注不能超过 ${v} 个字。` },
  replyChars: { value: 2_000, message: (v) => `回复不能超过 ${v} 个字。` },
  // People one comment or reply mentions (@姓名), counted among those who may read the report (each person once).
  mentionsPerComment: { value: 10, message: (v) => `一条批注或回复最多提到 ${v} 人，请减少 @ 提及的人。` },
  anchorQuoteChars: { value: 500, message: (v) => `选中的文字太长（最多 ${v} 个字），请选短一些。` },
  anchorContextChars: { value: 64, message: (v) => `批注的上下文不能超过 ${v} 个字。` },
  commentsPerUserHour: { value: 120, message: (v) => `您一小时内已发表 ${v} 条批注和回复，请稍后再发。` },
  suggestionChars: { value: 2_000, message: (v) => `建议的文字不能超过 ${v} 个字，请分成几条修订。` },
  suggestionReasonChars: { value: 500, message: (v) => `修订理由不能超过 ${v} 个字。` },
  verdictDoneChars: { value: 200, message: (v) => `说明不能超过 ${v} 个字。` },
  suggestionsPerUserHour: { value: 200, message: (v) => `您一小时内已提出 ${v} 条修订，请稍后再提。` },
  suggestionsPerReport: { value: 1_000, message: (v) => `这份报告的修订已达 ${v} 条上限。` },
  // One page of GET /api/reports/:id/suggestions (also its default, so a report within the cap comes in one page).
  suggestionsPage: { value: 1_000, message: (v) => `每次最多列出 ${v} 条修订，请分页读取。` },
  // Decided suggestions the editor page lists (the latest ones); the rest are counted.
  // Characters of a verdict's changes shown beside the item (a side note, not the comparison of versions).
  verdictChangesChars: { value: 2_000, message: (v) => `改动较多，这里只显示前 ${v} 个字；完整的对照请在“版本与记录”中查看。` },
  decidedSuggestionsShown: { value: 100, message: (v) => `已处理的修订只列出最近 ${v} 条。` },
  commentsPerReport: { value: 2_000, message: (v) => `这份报告的批注已达 ${v} 条上限，请先处理（删除）已解决的批注。` },
  namedVersionsPerReport: { value: 50, message: (v) => `这份报告的命名版本已达 ${v} 个上限。命名版本请在重要节点保存（如“初稿”“送审稿”）。` },
  namedVersionsPerUserHour: { value: 20, message: (v) => `您一小时内已保存 ${v} 个命名版本，请稍后再试。` },
  // Automatic versions (hourly, before a restore, conflict overwrites) beyond this many per report are pruned, oldest first.
  autoVersionsKept: { value: 60, message: (v) => `自动版本最多保留 ${v} 个。` },
  // Import versions (导入前的内容 / 导入的内容) beyond this many per report are pruned, oldest first, like the automatic ones.
  importVersionsKept: { value: 20, message: (v) => `导入时保存的版本最多保留 ${v} 个。` },
  // All of a report's versions together (each is a full copy of the report). Past it, the oldest automatic and import
  // versions are deleted to make room; when the named, submission and restore versions alone fill it, a new named
  // version, restore or import is refused.
  versionBytesPerReport: {
    value: 64 * 1024 * 1024,
    message: (v) =>
      `这份报告保存的命名版本和提交、恢复时的版本已占满 ${mb(v)} 的存储上限（自动版本和导入版本已按从旧到新删除），未执行。请联系系统管理员清理不再需要的旧版本后重试。`,
  },
  labelChars: { value: 40, message: (v) => `版本名称不能超过 ${v} 个字。` },
  // --- 登记公开 ---
  // Masks chosen at 登记公开 (one per finding of the 公开前检查) and the length of one replacement.
  publicationMasks: { value: 200, message: (v) => `一次最多遮盖 ${v} 处内容。` },
  maskChars: { value: 30, message: (v) => `遮盖后的文字不能超过 ${v} 个字。` },
  // --- Uploads and request bodies ---
  uploadBytes: { value: 10 * 1024 * 1024, message: (v) => `文件超过 ${mb(v)}，不像是一份年度报告，请检查后重试。` },
  uploadInflatedBytes: { value: 60 * 1024 * 1024, message: (v) => `这个 Word 文件解压后超过 ${mb(v)}，不像是一份年度报告（可能是损坏或恶意的文件），未导入。` },
  uploadEntries: { value: 2_000, message: (v) => `这个 Word 文件包含的部件超过 ${v} 个，不像是一份年度报告，未导入。` },
  importChars: { value: 300_000, message: (v) => `文字超过 ${v / 10_000} 万字，不像是一份年度报告，请检查后重试。` },
  // Word's tracked changes (修订) in an imported .docx, counted before the file is read any further.
  revisionsPerDocument: {
    value: 5_000,
    message: (v) => `这个 Word 文件中的修订超过 ${v} 处，未导入。请先在 Word 或 WPS 中接受或拒绝修订（审阅 → 接受/拒绝所有修订）后再导入。`,
  },
  revisionsPerParagraph: {
    value: 500,
    message: (v) => `这个 Word 文件的一个段落中有超过 ${v} 处修订，不像是正常的修订稿，未导入。请先在 Word 或 WPS 中接受或拒绝修订后再导入。`,
  },
  // A revision's author as read from the file is cut to this many characters; a longer one sent to the server is refused.
  revisionAuthorChars: { value: 60, message: (v) => `修订的作者名不能超过 ${v} 个字。` },
  // Word comments (批注, replies included) in a returned file filed onto its report, counted before the file is read further.
  reviewCommentsPerFile: { value: 1_000, message: (v) => `这个 Word 文件中的批注超过 ${v} 条，未登记。请先在 Word 或 WPS 中删除已处理的批注后再提交。` },
  // Word changes filed as suggestions at once.
  revisionsPerCommit: { value: 500, message: (v) => `一次最多提交 ${v} 处 Word 修订，请分几次提交。` },
  jsonBody: { value: 1024 * 1024, message: (v) => `提交的内容超过 ${kb(v)} 上限，请删减后重试。` },
  // One part's editor JSON (marks and tables included) as the save request carries it; also an import's body.
  sectionBody: { value: 3 * 1024 * 1024, message: (v) => `本部分的内容（含格式和表格）超过 ${mb(v)}，未保存。请精简内容。` },
  pasteBody: { value: 2 * 1024 * 1024, message: (v) => `粘贴的文字超过 ${mb(v)} 上限，请删减后重试。` },
  smallBody: { value: 16 * 1024, message: (v) => `提交的内容超过 ${kb(v)} 上限。` },
  loginBody: { value: 8 * 1024, message: () => `登录请求过大。` },
  // --- Second factor (TOTP) ---
  // Wrong codes on one account from any address within 15 minutes (a pair of account and address locks after 5, as
  // passwords do): past this the code step pauses for the whole account; only someone who knows the password gets here.
  secondFactorFailures: { value: 10, message: () => `验证码错误次数过多，该账号的两步验证已暂停，请 15 分钟后重新登录。如果不是您本人在登录，请立即修改密码。` },
  codeChars: { value: 40, message: (v) => `验证码不能超过 ${v} 个字符。` },
  // Anything larger is refused by the server before any route sees it (the largest route limit plus room for the form).
  anyBody: { value: 11 * 1024 * 1024, message: (v) => `提交的内容超过 ${mb(v)}，已拒绝。` },
  // --- Similarity (雷同) answers: how much of a county's comparison one answer lists ---
  similarPairsShown: { value: 200, message: (v) => `最多列出相似度最高的 ${v} 对。` },
  similarPassagesShown: { value: 50, message: (v) => `每对最多列出 ${v} 段相同内容。` },
  // --- Work done at once ---
  heavyAtOnce: { value: 2, message: () => `系统正在处理其他导入或导出，请稍等几秒后重试。` },
  heavyQueued: { value: 8, message: () => `系统繁忙，请稍后重试。` },
  // --- Season packs (lib/domain/season): one JSON file per season and scope, imported by an administrator ---
  seasonPackBytes: { value: 512 * 1024, message: (v) => `年度配置包超过 ${kb(v)}，未导入。` },
  seasonPackItems: { value: 400, message: (v) => `年度配置包的事项超过 ${v} 项，未导入。` },
  seasonPackDocuments: { value: 200, message: (v) => `年度配置包的文件超过 ${v} 份，未导入。` },
  seasonPackKeywords: { value: 30, message: (v) => `一个事项的关键词超过 ${v} 个，未导入。` },
  seasonPackKeywordChars: { value: 30, message: (v) => `关键词不能超过 ${v} 个字。` },
  seasonPackTextChars: { value: 500, message: (v) => `年度配置包中的一段文字不能超过 ${v} 个字。` },
  seasonPackListEntries: { value: 200, message: (v) => `年度配置包中的一个列表不能超过 ${v} 项。` },
} satisfies Record<string, Limit>;

/** Password length bounds (the policy beyond length lives in lib/auth/password.ts). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type LimitName = keyof typeof LIMITS;

export function limit(name: LimitName): number {
  return LIMITS[name].value;
}

export function limitMessage(name: LimitName): string {
  const l: Limit = LIMITS[name];
  return l.message(l.value);
}

/** The refusal for going past a limit: 413 for sizes, 429 for rates, 400 for shapes. */
export function overLimit(name: LimitName, code: 'payload_too_large' | 'rate_limited' | 'bad_request' = 'payload_too_large'): AppError {
  return new AppError(code, limitMessage(name), { limit: name, max: limit(name) });
}
