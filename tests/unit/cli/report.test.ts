// `nianbao check FILE [--json]` on invented report files (.txt and the same report as .docx): the findings the 检查
// panel and GET /api/reports/:id/checks give, exit code 0 with findings, non-zero for a file that cannot be read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, USAGE } from '@/cli/index';
import type { Db } from '@/db/client';
import { findingsOf, type Finding } from '@/lib/domain/findings';
import { parseReport, toReportText } from '@/lib/domain/parse';
import { parseExportOptions, renderExport } from '@/lib/export';
import { exportDocumentFromParsed } from '@/lib/export/from-report';

const REPORT = [
  '中共示例镇委员会 示例镇人民政府关于示例镇2025年度法治政府建设情况的报告',
  '示例县司法局：',
  '2025年，示例镇坚持依法行政，各项工作稳步推进。现将我镇2025年度法治政府建设情况报告如下。',
  '一、2025年度推进法治政府建设的主要举措和成效',
  '（一）抓实干部学法',
  '1) 开展学法培训12次. 覆盖干部300人.',
  '2) 严格执行《内蒙古自治区重大行政决策程序规定》，落实《重大行政决策程序条例》。',
  '（二）发挥法律顾问作用\n全年法律顾问审查合同41份，出具法律意见书12件，参与信访接待15次，为重大决策提供法律意见6件。',
  '二、2025年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
  '镇党委书记履行第一责任人职责，主持专题会议研究法治工作6次，带头讲法治课2次，听取依法行政工作汇报3次，协调解决执法力量不足问题5个。镇长落实法治政府建设主体责任，组织政府常务会议学法8次，推动重大行政决策合法性审查全覆盖。',
  '三、2025年度推进法治政府建设存在的不足和原因',
  '村级合同管理不够规范，部分合同未经合法性审查。主要原因是村干部依法办事意识不强，法律顾问参与不够，监督检查也不到位。二是执法人员业务能力不足，原因是培训次数少、针对性不强，新进人员未系统学习执法程序。',
  '四、2026年度推进法治政府建设的主要安排',
  '建立村级合同合法性审查清单，年内完成存量合同清理；每季度抽查执法案卷，评查结果纳入年度考核。开展执法人员专题培训，全年不少于4期，提升执法规范化水平，并继续开展述法评议。',
  '中共示例镇委员会',
  '示例镇人民政府',
  '2026年1月16日',
].join('\n');

let dir: string;
let out: string[];
let err: string[];
const io = { log: (s: string) => out.push(s), error: (s: string) => err.push(s) };
const noDb = (): Db => {
  throw new Error('check must not open the database');
};
const cli = (...args: string[]) => runCli(args, io, noDb);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-check-'));
  out = [];
  err = [];
});

function findings(): Finding[] {
  const body = JSON.parse(out.join('\n')) as { findings: Finding[] };
  expect(Object.keys(body)).toEqual(['findings']);
  return body.findings;
}

describe('nianbao check', () => {
  it('prints { findings } with --json for a .txt: the same findings as the checks API, exit code 0', async () => {
    const file = path.join(dir, '示例镇.txt');
    fs.writeFileSync(file, REPORT);
    expect(await cli('check', file, '--json')).toBe(0);
    const found = findings();
    expect(found).toEqual(findingsOf(toReportText(parseReport(REPORT))));
    expect(found.map((f) => f.code).sort()).toEqual(['halfwidth-punctuation', 'numbering', 'recipient-department', 'wrong-document-name']);
    expect(found.find((f) => f.code === 'recipient-department')).toEqual({
      code: 'recipient-department',
      part: null,
      message: expect.stringContaining('中共示例县委、示例县人民政府'),
      evidence: '示例县司法局',
    });
    expect(found.find((f) => f.code === 'wrong-document-name')).toMatchObject({ part: 'measures', evidence: '重大行政决策程序条例' });
    expect(found.find((f) => f.code === 'numbering')).toMatchObject({ part: 'measures', evidence: '1)' });
    expect(err).toEqual([]);
  });

  it('adds the personal-info findings of the 公开前检查 to --json, in the same shape', async () => {
    const file = path.join(dir, '示例镇.txt');
    fs.writeFileSync(file, REPORT.replace('参与信访接待15次', '参与信访接待15次，当事人张小明联系电话13812345678'));
    expect(await cli('check', file, '--json')).toBe(0);
    const found = findings().filter((f) => f.code === 'personal-info');
    expect(found.map((f) => [f.part, f.evidence])).toEqual([
      ['measures', '张小明'],
      ['measures', '13812345678'],
    ]);
    expect(found[1]!.message).toContain('疑似手机号码');
  });

  it('reads a .docx the same way', async () => {
    const docx = await renderExport(exportDocumentFromParsed(parseReport(REPORT), '示例镇'), parseExportOptions({ format: 'docx', variant: 'submit' }));
    const file = path.join(dir, '示例镇.docx');
    fs.writeFileSync(file, docx.body);
    expect(await cli('check', file, '--json')).toBe(0);
    expect(findings().map((f) => f.code)).toContain('recipient-department');
  });

  it('prints readable Chinese lines without --json, and says so when there is nothing to fault', async () => {
    const file = path.join(dir, '示例镇.txt');
    fs.writeFileSync(file, REPORT);
    expect(await cli('check', file)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^检查：发现 4 个问题。/);
    expect(text).toContain('【标题、主送和落款】主送机关写的是“示例县司法局”');
    expect(text).toContain('（原文：“重大行政决策程序条例”）');

    out = [];
    const clean = REPORT.replace('示例县司法局：', '中共示例县委、示例县人民政府：')
      .replace('1) 开展学法培训12次. 覆盖干部300人.', '1.开展学法培训12次，覆盖干部300人。')
      .replace('2) 严格执行', '2.严格执行')
      .replace('《重大行政决策程序条例》', '《重大行政决策程序暂行条例》');
    fs.writeFileSync(file, clean);
    expect(await cli('check', file)).toBe(0);
    expect(out).toEqual(['检查：未发现问题。']);
  });

  it('exits non-zero with a Chinese message for a missing or unreadable file, and 2 for wrong usage', async () => {
    expect(await cli('check', path.join(dir, '没有这个文件.txt'), '--json')).toBe(1);
    expect(err.at(-1)).toContain('无法读取文件');
    const fake = path.join(dir, '假的.docx');
    fs.writeFileSync(fake, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]));
    expect(await cli('check', fake)).toBe(1);
    expect(err.at(-1)).toMatch(/[\u4e00-\u9fa5]/);
    expect(await cli('check')).toBe(2);
    expect(out).toEqual([]);
  });

  it('is described in the usage text', () => {
    expect(USAGE).toContain('check 文件 [--json]');
    expect(USAGE).toContain('{ findings: [{ code, part, message, evidence }] }');
  });
});
