// The command line: `npm run nianbao -- <command>` for accounts, townships, backups, the audit log and report files.
// Each command lives in commands/; this file only finds the command named and turns errors into exit codes.
import path from 'node:path';
import { databasePath, openConfigured, type Db } from '@/db/client';
import { isAppError } from '@/lib/shared/errors';
import { auditExport } from './commands/audit';
import { backup, dbCopy, restore } from './commands/backup';
import { check, exportCommand, parse } from './commands/report';
import { countyAdd, countyList, countyRename } from './commands/county';
import { packCheck, packExport, packImport, packList } from './commands/pack';
import { townshipAdd, townshipCode } from './commands/township';
import { userAdd, userCounties, userEmail, userList, userPasswd, userTwoFactorReset } from './commands/user';
import { UsageError, type Command, type Out } from './context';

export { parseJson } from './commands/report';

export const USAGE = `用法：npm run nianbao -- <命令> [参数]

  user add --username 用户名 --name 姓名 --role admin|reviewer|drafter
           [--county 县名] [--township 乡镇名] [--password 密码]
                                  添加账号（不给 --password 时生成随机密码并显示）
  user passwd 用户名 [--password 密码]   重置密码（不给 --password 时生成随机密码）
  user list                       列出全部账号
  user counties 用户名 --county 县名 [--county 县名 …] | --none
                                  审核人另负责的县（市级审核人负责多个县）；--none 取消
  user email 用户名 邮箱 | 用户名 --clear   待办通知邮箱（配置了 NIANBAO_SMTP_URL 时发送）
  user 2fa-reset 用户名            重置丢失的两步验证（删除密钥和恢复码，该账号的登录全部下线）
  county add --name 县名               添加县（区）
  county rename --from 原名 --to 新名   县（区）改名
  county list                     列出全部县（区）及乡镇（街道）数
  township add --county 县名 --name 名称 --kind 乡|镇|街道
  township code --county 县名 --name 名称 --code 统一社会信用代码
                                  设置乡镇（街道）的统一社会信用代码（核对校验位）；--code "" 清除
                                  添加乡镇（街道）；县不存在时报错
  db copy --from 源 --to 目标 [--force] [--clean]
                                  在 SQLite 文件与 PostgreSQL（postgres://…）之间复制全部数据，
                                  复制后逐表核对行数和内容校验和；目标已有数据时须加 --force
                                  源数据中含控制字符或不完整字符的行须加 --clean（复制时清理）
  backup 文件路径                  在线备份数据库（服务运行时也可安全执行）
  restore 备份文件 [--force]        从备份恢复数据库（须先停止服务）；已有数据库时须加 --force，
                                  原数据库另存为 nianbao.db.before-restore-时间
  audit export --since 日期 [--out 文件]
                                  导出该日期（YYYY-MM-DD）以来的操作记录（CSV），供安全检查
  parse 文件 [--json]              识别报告（.txt 或 .docx）的各部分、落款和检查结果
  check 文件 [--json]              检查报告文件（.docx 或 .txt），列出与网页“检查”栏相同的问题；
                                  --json 输出 { findings: [{ code, part, message, evidence }] }；
                                  有问题时退出码仍为 0，文件无法读取时非 0
  pack list                       列出年度配置包（全国默认和各县的配置）
  pack import 文件 [--county 县名]  导入年度配置包（JSON）；给 --county 时作为该县的配置
  pack export --season 年份 [--county 县名] --out 文件
                                  导出该年度（该县）实际使用的配置
  pack check 文件                  只检查配置包，不导入
  export 文件 --format docx|md|txt --variant submit|public --out 输出文件
                                  把现有报告文本直接排成公文格式

数据库位置：环境变量 NIANBAO_DB，默认 data/nianbao.db。`;

const COMMANDS: Command[] = [parse, check, exportCommand, backup, restore, dbCopy, userAdd, userPasswd, userList, userCounties, userEmail, userTwoFactorReset, auditExport, countyAdd, countyRename, countyList, townshipAdd, townshipCode, packList, packImport, packExport, packCheck];

/** Runs one command line; the exit code is 0 on success, 1 on a refusal (message in Chinese), 2 on wrong usage. */
export async function runCli(argv: string[], out: Out = console, dbFactory: () => Db = openConfigured, dbFile: () => string = databasePath): Promise<number> {
  const [command, sub] = argv;
  try {
    // Two-word commands (user add) before one-word ones (backup FILE).
    const found = COMMANDS.find((c) => c.name === `${command} ${sub}`) ?? COMMANDS.find((c) => c.name === command);
    if (!found) throw new UsageError(command ? `未知命令：${[command, sub].filter(Boolean).join(' ')}` : '请给出命令。');
    await found.run({ args: argv.slice(found.name.split(' ').length), out, db: dbFactory, dbFile });
    return 0;
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      out.error(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (isAppError(e)) {
      out.error(e.message);
      return 1;
    }
    throw e;
  }
}

// Run only when executed directly, not when a test imports runCli.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error('命令执行失败：', e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
