// Bench rows for parse + check of each sample report and of a generated one, beside the same run's line scan, and the
// same work as it was before the parser stopped running the checks itself (the checks twice). Called by
// tests/bench/run.ts; also runs alone, in seconds: `node --import tsx tests/bench/parse.ts`.
import fs from 'node:fs';
import path from 'node:path';
import { runChecks } from '@/lib/domain/checks';
import { parseAndCheck, parseReport, toReportText } from '@/lib/domain/parse';
import { time } from './measure';
import { generatedReportText } from './report-text';

type Add = (what: string, value: string, baseline: string, ratio: string, target?: string) => void;
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;

export async function parseBench(add: Add, reportText: (chars: number) => string, note: (n: string) => void): Promise<void> {
  console.log('\n[3] parse + check of each sample report');
  const dir = path.resolve('..', 'shared', 'samples');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.txt')) : [];
  const inputs: Array<[string, string]> = files.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
  if (!inputs.length) note('no sample reports found beside the project: parse + check measured on the generated report only');
  inputs.push(['generated 30,000 chars', reportText(30_000)]);
  for (const [name, text] of inputs) {
    // What the import and `check` do: parse, then the checks once (parseAndCheck, findingsOf).
    const full = await time(() => runChecks(toReportText(parseReport(text))), 50);
    // The same as it was done before: parseReport ran the checks itself and its callers ran them again.
    const twice = await time(() => runChecks(toReportText(parseAndCheck(text))), 50);
    // Baseline: one pass over the lines with a heading regex, the least any parser must do.
    const floor = await time(() => text.split('\n').filter((l) => /^[一二三四五六七八九十]+、/.test(l.trim())).length, 50);
    add(`parse + check ${name} (${text.length} chars)`, ms(full), `line scan ${ms(floor)}`, `${(full / floor).toFixed(1)}×`, '≤ 2 ms at 35,000 chars');
    add(`  the same with the checks run twice (as before)`, ms(twice), `line scan ${ms(floor)}`, `${(twice / floor).toFixed(1)}×`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  void parseBench((w, v, b, r, t = '') => console.log(`  ${w}: ${v}  |  ${b}  |  ${r}  |  ${t}`), generatedReportText, (n) => console.log(`Note: ${n}`));
}
