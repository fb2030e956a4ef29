import { write } from '@/db/tx';
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { counties, reportSections, reports, townships, users } from '@/db/schema';
import { activeDemoLogins, DEMO_LOGINS, DEMO_PASSWORD, seedIfEmpty } from '@/cli/seed';
import { resetPassword } from '@/lib/directory/accounts';
import { authenticate } from '@/lib/auth/authenticate';
import { runCli } from '@/cli/index';
import { runChecks } from '@/lib/domain/checks';
import { docToText, type TiptapNode } from '@/lib/domain/tiptap-doc';
import { renumberHeadings } from '@/lib/editor/numbering';
import { makeTestDb, seedWorld, snapshot, type World } from '../../support/db';

let db: Db;
let file: string;
let dir: string;
let w: World;
let out: string[];
let err: string[];
const io = { log: (s: string) => out.push(s), error: (s: string) => err.push(s) };
const cli = (...args: string[]) => runCli(args, io, () => db);

beforeEach(async () => {
  ({ db, file, dir } = makeTestDb());
  w = await seedWorld(db);
  out = [];
  err = [];
});

describe('command line', () => {
  it('user add, list and passwd', async () => {
    expect(await cli('user', 'add', '--username', 'zhao', '--name', '赵起草', '--role', 'drafter', '--township', '甲一镇', '--password', 'password-9')).toBe(0);
    expect(out.at(-1)).toBe('已添加账号 zhao（起草人）');
    expect((await authenticate(db, 'zhao', 'password-9', 'cli')).ok).toBe(true);

    expect(await cli('user', 'passwd', 'zhao')).toBe(0);
    const generated = /新密码：(\S+)$/.exec(out.at(-1)!)?.[1];
    expect(generated).toBeTruthy();
    expect((await authenticate(db, 'zhao', generated!, 'cli')).ok).toBe(true);

    expect(await cli('user', 'list')).toBe(0);
    expect(out).toContain('zhao\t赵起草\t起草人\t甲一镇\t正常');
  });

  it('township add', async () => {
    expect(await cli('township', 'add', '--county', '乙县', '--name', '乙二镇', '--kind', '镇')).toBe(0);
    expect((await db.select().from(townships)).map((t) => t.name)).toContain('乙二镇');
  });

  it('township code: sets a valid 统一社会信用代码, refuses a wrong check character in Chinese, clears with ""', async () => {
    expect(await cli('township', 'code', '--county', '甲县', '--name', '甲一镇', '--code', '1150 0230 0086 8976 2a')).toBe(0);
    expect(out.at(-1)).toBe('已设置 甲县 甲一镇 的统一社会信用代码：11500230008689762A');
    expect((await db.select().from(townships)).find((t) => t.name === '甲一镇')!.creditCode).toBe('11500230008689762A');
    expect(await cli('township', 'code', '--county', '甲县', '--name', '甲一镇', '--code', '11500230008689762C')).toBe(1);
    expect(err.at(-1)).toContain('校验位不对：按 GB 32100-2015 计算，第 18 位应为“A”');
    expect((await db.select().from(townships)).find((t) => t.name === '甲一镇')!.creditCode).toBe('11500230008689762A');
    expect(await cli('township', 'code', '--county', '甲县', '--name', '甲一镇', '--code', '')).toBe(0);
    expect(out.at(-1)).toBe('已清除 甲县 甲一镇 的统一社会信用代码');
    expect(await cli('township', 'code', '--county', '甲县', '--name', '甲一镇')).toBe(2);
  });

  it('county add, rename and list; a reviewer of the new county sees only it', async () => {
    expect(await cli('county', 'add', '--name', '青山县')).toBe(0);
    expect(out.at(-1)).toBe('已添加县（区）青山县');
    expect(await cli('county', 'rename', '--from', '青山县', '--to', '青山区')).toBe(0);
    expect(await cli('township', 'add', '--county', '青山区', '--name', '石门镇', '--kind', '镇')).toBe(0);
    expect(await cli('county', 'list')).toBe(0);
    expect(out).toContain('青山区\t1 个乡镇（街道）');
    expect(await cli('user', 'add', '--username', 'qs-rev', '--name', '青山审核', '--role', 'reviewer', '--county', '青山区', '--password', 'password-9x')).toBe(0);
    expect((await db.select().from(counties)).map((c) => c.name)).toEqual(['甲县', '乙县', '青山区']);
    // Taken names and bad names are refused.
    expect(await cli('county', 'add', '--name', '甲县')).toBe(1);
    expect(err.at(-1)).toBe('县“甲县”已存在。');
    expect(await cli('county', 'rename', '--from', '无此县', '--to', '某县')).toBe(1);
    expect(await cli('county', 'add')).toBe(2);
  });

  it.each([
    [[], 2, '请给出命令。'],
    [['frobnicate'], 2, '未知命令：frobnicate'],
    [['user', 'add', '--username', 'x'], 2, 'user add 需要 --username、--name 和 --role。'],
    [['user', 'add', '--bogus', 'x'], 2, 'Unknown option'],
    [['user', 'passwd'], 2, 'user passwd 需要一个用户名。'],
    [['user', 'passwd', 'ghost'], 1, '账号“ghost”不存在。'],
    [['township', 'add', '--county', '丙县', '--name', '某镇', '--kind', '镇'], 1, '县“丙县”不存在。'],
    [['township', 'add', '--county', '甲县', '--name', '某镇', '--kind', '村'], 1, '类型只能是乡、镇或街道。'],
    [['user', 'add', '--username', 'q', '--name', 'q', '--role', 'admin', '--password', 'pw'], 1, '用户名至少 2 个字符。'],
    [['backup'], 2, 'backup 需要且只需要一个文件路径。'],
  ])('%j exits %i with a message on stderr and changes nothing', async (args, code, message) => {
    const before = await snapshot(db);
    expect(await cli(...(args as string[]))).toBe(code);
    expect(err.join('\n')).toContain(message);
    if (code === 2) expect(err.join('\n')).toContain('用法：npm run nianbao');
    expect(out).toEqual([]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('backup writes a file that opens and holds the data, while the source stays open for writes', async () => {
    const target = path.join(dir, 'backups', 'nianbao-backup.db');
    expect(await cli('backup', target)).toBe(0);
    expect(out.at(-1)).toBe(`已备份到 ${target}`);
    const copy = openDatabase(target, { migrate: false });
    expect(copy.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await copy.select().from(users)).map((u) => u.username).sort()).toEqual([
      'admin',
      'drafter-a1',
      'drafter-a2',
      'drafter-b1',
      'reviewer-a',
      'reviewer-b',
    ]);
    expect(await copy.select().from(townships)).toHaveLength(3);
    // Refuses to overwrite an existing file.
    err = [];
    expect(await cli('backup', target)).toBe(1);
    expect(err[0]).toContain('已存在');
    expect(fs.existsSync(file)).toBe(true);
    expect(w.admin.role).toBe('admin');
  });
});

describe('restore', () => {
  const restoreCli = (target: string, ...args: string[]) => runCli(args, io, () => db, () => target);

  it('restores a backup into an empty data folder, and the data is there', async () => {
    const backup = path.join(dir, 'b.db');
    expect(await cli('backup', backup)).toBe(0);
    const target = path.join(dir, 'fresh', 'nianbao.db');
    out = [];
    expect(await restoreCli(target, 'restore', backup)).toBe(0);
    expect(out.at(-1)).toMatch(/已从 .* 恢复到 .*：3 个乡镇（街道）、6 个账号、0 份报告。/);
    const restored = openDatabase(target);
    expect(await restored.select().from(users)).toHaveLength(6);
    expect(await authenticate(restored, 'drafter-a1', 'correct-horse-1', '10.0.0.1')).toMatchObject({ ok: true });
  });

  it('keeps an existing database aside, and only with --force', async () => {
    const backup = path.join(dir, 'b.db');
    expect(await cli('backup', backup)).toBe(0);
    const target = path.join(dir, 'live', 'nianbao.db');
    const live = openDatabase(target);
    await write(live, () => live.insert(counties).values({ name: '旧县' }));
    live.$client.close();
    err = [];
    expect(await restoreCli(target, 'restore', backup)).toBe(1);
    expect(err[0]).toContain('--force');
    expect((await openDatabase(target).select().from(counties)).map((c) => c.name)).toEqual(['旧县']);
    out = [];
    expect(await restoreCli(target, 'restore', backup, '--force')).toBe(0);
    const aside = out[0]!.replace('原数据库已另存为 ', '');
    expect((await openDatabase(aside, { migrate: false }).select().from(counties)).map((c) => c.name)).toEqual(['旧县']);
    expect((await openDatabase(target).select().from(counties)).map((c) => c.name).sort()).toEqual(['乙县', '甲县']);
  });

  it.each([
    ['a text file', (f: string) => fs.writeFileSync(f, '这不是数据库'), '不是有效的数据库文件'],
    ['another SQLite database', (f: string) => openDatabase(f, { migrate: false }).$client.exec('create table notes (x)'), '不是法治年报的备份文件'],
    ['a missing file', () => undefined, '找不到备份文件'],
  ])('refuses %s and leaves the target alone', async (_label, make, message) => {
    const bad = path.join(dir, 'bad.db');
    make(bad);
    const target = path.join(dir, 'untouched', 'nianbao.db');
    err = [];
    expect(await restoreCli(target, 'restore', bad, '--force')).toBe(1);
    expect(err[0]).toContain(message);
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('first-run seed', () => {
  it('creates the demo county, townships, accounts and a finished demo report, once', async () => {
    const fresh = makeTestDb().db;
    const now = new Date('2026-11-22T10:00:00+08:00');
    expect(await seedIfEmpty(fresh, now)).toBe(true);
    expect((await fresh.select().from(counties)).map((c) => c.name)).toEqual(['示例县']);
    expect((await fresh.select().from(townships)).map((t) => `${t.name}/${t.kind}`)).toEqual(['示例镇/镇', '青石乡/乡', '东湖街道/街道']);
    expect((await fresh.select().from(users)).map((u) => u.username).sort()).toEqual(DEMO_LOGINS.map((l) => l.username).sort());
    const [report] = await fresh.select().from(reports);
    expect(report).toMatchObject({ year: 2025, status: 'published', documentDate: '2026-01-20' });
    expect(report!.title).toBe('中共示例镇委员会 示例镇人民政府关于示例镇2025年度法治政府建设情况的报告');
    const sections = await fresh.select().from(reportSections);
    const text = Object.fromEntries(sections.map((s) => [s.sectionKey, s.plainText]));
    for (const key of ['preface', 'measures', 'leaders', 'shortcomings', 'plans']) expect(text[key]!.length).toBeGreaterThan(80);
    expect(text.plans).toContain('2026年');
    // Its sub-headings are headings of the editor, numbered in sequence, as the export sets them (楷体, kept with the next line).
    const headings = Object.fromEntries(
      sections.map((s) => [s.sectionKey, (s.content as TiptapNode).content!.filter((n) => n.type === 'heading').map((n) => `${String(n.attrs!.level)}:${docToText(n).slice(0, 3)}`)]),
    );
    expect(headings.preface).toEqual([]);
    expect(headings.measures).toEqual(['2:（一）', '2:（二）', '2:（三）', '2:（四）', '2:（五）', '2:（六）']);
    expect(headings.leaders).toEqual(['2:（一）', '2:（二）', '2:（三）']);
    expect(headings.shortcomings).toEqual(['2:（一）', '2:（二）']);
    expect(headings.plans).toEqual(['2:（一）', '2:（二）', '2:（三）', '2:（四）', '2:（五）']);
    for (const s of sections) expect(renumberHeadings(s.content as TiptapNode)).toEqual(s.content);
    // No body paragraph starts with a number a drafter would have made a heading.
    for (const s of sections) for (const n of (s.content as TiptapNode).content ?? []) if (n.type === 'paragraph') expect(docToText(n)).not.toMatch(/^[（(][一二三四五六七八九十]+[）)]/);
    // The demo report is a good example: the structure checks find nothing to fault.
    const checks = runChecks({
      year: 2025,
      title: report!.title,
      recipient: report!.recipient,
      sections: { preface: text.preface!, measures: text.measures!, leaders: text.leaders!, shortcomings: text.shortcomings!, plans: text.plans!, other: null },
      signature: { organs: report!.signatureOrgans, date: '2026年1月20日' },
    });
    expect(checks).toEqual([]);

    const before = await snapshot(fresh);
    expect(await seedIfEmpty(fresh, now)).toBe(false);
    expect(await snapshot(fresh)).toEqual(before);
  });

  it('prints only demo logins whose password is still the demo one', async () => {
    const fresh = makeTestDb().db;
    await seedIfEmpty(fresh);
    expect((await activeDemoLogins(fresh)).map((l) => l.username)).toEqual(DEMO_LOGINS.map((l) => l.username));
    const admin = (await fresh.select().from(users)).find((u) => u.username === 'admin')!;
    await resetPassword(fresh, SYSTEM_ACTOR, admin.id, 'a-private-password');
    expect((await activeDemoLogins(fresh)).map((l) => l.username)).not.toContain('admin');
    expect((await authenticate(fresh, 'shili', DEMO_PASSWORD, 'x')).ok).toBe(true);
  });
});
