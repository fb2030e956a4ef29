// parse, check and export: what the parser makes of a report file, its checks' findings, and the file laid out as an
// official document.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseExportOptions, renderExport } from '@/lib/export';
import { exportDocumentFromParsed } from '@/lib/export/from-report';
import { readReportFile } from '@/lib/import/read';
import { parseAndCheck, parseReport, toReportText, type CheckedReport, type ParsedReport } from '@/lib/domain/parse';
import { findingsOf, type Finding } from '@/lib/domain/findings';
import { BODY_SECTION_KEYS, SECTION_LABELS } from '@/lib/domain/sections';
import { AppError } from '@/lib/shared/errors';
import { UsageError, type Command } from '../context';

/** Exactly the documented JSON shape of `parse --json`, nothing more. */
export function parseJson(p: CheckedReport) {
  return {
    title: p.title,
    recipient: p.recipient,
    year: p.year,
    township: p.township,
    sections: Object.fromEntries(BODY_SECTION_KEYS.map((k) => [k, p.sections[k]])),
    signature: { organs: p.signature.organs, date: p.signature.date },
    unplaced: p.unplaced,
    checks: p.checks.map((c) => ({ code: c.code, section: c.section, message: c.message })),
  };
}

function summary(p: CheckedReport, file: string): string {
  const lines = [`文件：${file}`, `标题：${p.title ?? '（未识别）'}`, `主送：${p.recipient ?? '（无）'}`, `年度：${p.year ?? '（未识别）'}`, `乡镇（街道）：${p.township ?? '（未识别）'}`, ''];
  for (const key of BODY_SECTION_KEYS) {
    const text = p.sections[key];
    lines.push(`${SECTION_LABELS[key]}：${text ? `${text.length} 字` : '（缺）'}`);
  }
  lines.push('', `落款：${p.signature.organs.join('、') || '（无）'}  ${p.signature.date ?? ''}`.trimEnd());
  if (p.unplaced.length) lines.push(`未归类内容：${p.unplaced.length} 段`);
  lines.push('', checksSummary(p));
  return lines.join('\n');
}

function checksSummary(p: CheckedReport): string {
  if (!p.checks.length) return '检查：未发现问题。';
  return ['检查：', ...p.checks.map((c, i) => `  ${i + 1}. ${c.message}`)].join('\n');
}

async function readText(file: string): Promise<string> {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    throw new AppError('not_found', `无法读取文件：${file}`);
  }
  return readReportFile(buf, file);
}

/** The file parsed; its checks are run by whoever shows them (parseAndCheck, findingsOf), once. */
async function readAndParse(file: string): Promise<ParsedReport> {
  return parseReport(await readText(file));
}

function oneFile(name: string, args: string[]): { file: string; json: boolean } {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError(`${name} 需要且只需要一个文件路径。`);
  return { file: positionals[0]!, json: values.json === true };
}

export const parse: Command = {
  name: 'parse',
  run: async ({ args, out }) => {
    const { file, json } = oneFile('parse', args);
    const parsed = parseAndCheck(await readText(file));
    out.log(json ? JSON.stringify(parseJson(parsed), null, 2) : summary(parsed, file));
  },
};

/** The findings as readable Chinese lines: the part, the message, and the words that triggered it. */
export function findingsText(findings: Finding[]): string {
  if (!findings.length) return '检查：未发现问题。';
  const lines = findings.map((f, i) => {
    const where = f.part ? SECTION_LABELS[f.part] : '标题、主送和落款';
    const evidence = f.evidence ? `（原文：“${f.evidence.length > 60 ? `${f.evidence.slice(0, 60)}…` : f.evidence}”）` : '';
    return `  ${i + 1}. 【${where}】${f.message}${evidence}`;
  });
  return [`检查：发现 ${findings.length} 个问题。`, ...lines].join('\n');
}

/**
 * The same findings as the 检查 panel and GET /api/reports/:id/checks, for a .docx or .txt file: `{ findings }` with
 * --json, readable lines without. Findings are not a failure (exit code 0); an unreadable file is.
 */
export const check: Command = {
  name: 'check',
  run: async ({ args, out }) => {
    const { file, json } = oneFile('check', args);
    const findings = findingsOf(toReportText(await readAndParse(file)));
    out.log(json ? JSON.stringify({ findings }, null, 2) : findingsText(findings));
  },
};

export const exportCommand: Command = {
  name: 'export',
  run: async ({ args, out }) => {
    const { values, positionals } = parseArgs({
      args,
      options: { format: { type: 'string' }, variant: { type: 'string' }, out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1 || !values.out) throw new UsageError('export 需要一个报告文件和 --out 输出文件。');
    const parsed = await readAndParse(positionals[0]!);
    const name = path.basename(positionals[0]!).replace(/\.[^.]+$/, '');
    const file = await renderExport(exportDocumentFromParsed(parsed, name), parseExportOptions({ format: values.format, variant: values.variant }));
    fs.writeFileSync(values.out, file.body);
    out.log(`已导出到 ${path.resolve(values.out)}`);
  },
};
