// A report under heavy review, for the tests and the bench that compare work at n and 4n: four parts of about
// 95,000 invented characters, n pending suggestions on passages the drafter then changed, and a 需修改 verdict on
// every checklist item of parts that were rewritten since.
import type { Db } from '@/db/client';
import { one, withTx, write } from '@/db/tx';
import { reports, reportSections, reviewVerdicts, suggestions } from '@/db/schema';
import { and, eq } from 'drizzle-orm';
import { createAnchor } from '@/lib/domain/anchor';
import { checklistFor, packChecklist } from '@/lib/domain/checklists';
import { defaultPack } from '@/lib/domain/season/defaults';
import type { Actor } from '@/lib/domain/permissions';
import type { BodySectionKey } from '@/lib/domain/sections';
import { docFromText } from '@/lib/domain/tiptap-doc';
import { writeSection } from '@/lib/reports/sections';
import { seededText } from './seeded-text';

export const SCALE_PARTS: BodySectionKey[] = ['measures', 'leaders', 'shortcomings', 'plans'];

const PIECES = [
  '镇党委召开专题会议研究法治政府建设工作，',
  '全年开展行政执法检查',
  '办理行政复议案件',
  '组织机关干部集中学法',
  '完善重大行政决策程序，',
  '推进综合行政执法改革，',
  '落实行政规范性文件合法性审核，',
  '开展“八五”普法宣传活动',
  '化解矛盾纠纷',
  '建成村级公共法律服务工作室',
];
const NUMBERS = (s: number) => `${(s >>> 7) % 9973}次`;

/** A part of about `chars` characters in paragraphs of about 300, the same for the same seed. */
export function scaleText(chars: number, seed: number): string {
  const words = seededText(chars, seed, PIECES, (s) => NUMBERS(s) + (s % 3 === 0 ? '。' : '，'));
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 300) out.push(words.slice(i, i + 300));
  return out.join('\n');
}

async function part(db: Db, reportId: number, key: string) {
  return (await one(db.select().from(reportSections).where(and(eq(reportSections.reportId, reportId), eq(reportSections.sectionKey, key)))))!;
}

type By = Pick<Actor, 'id' | 'displayName'>;

async function writePart(db: Db, reportId: number, key: BodySectionKey, text: string, by: By): Promise<void> {
  const base = (await part(db, reportId, key)).version;
  await withTx(db, (tx) =>
    writeSection(tx, { reportId, key, content: docFromText(text), plainText: text, baseVersion: base, actor: by, now: new Date(), conflictMessage: () => '' }),
  );
}

/** The four parts filled with `chars` characters each, written by `by` (the township's drafter). */
export async function fillParts(db: Db, reportId: number, by: By, chars = 95_000): Promise<void> {
  for (const [i, key] of SCALE_PARTS.entries()) await writePart(db, reportId, key, scaleText(chars, 17 + i), by);
}

/**
 * n pending suggestions by `authorId` on 24-character passages spread over the four parts (as a reviewer makes
 * them, or as an import files them: not yet placed), then every one of those passages changed by the drafter (one
 * character in its middle replaced), so each must be found again approximately.
 */
export async function plantChangedSuggestions(db: Db, reportId: number, authorId: number, n: number, by: By): Promise<void> {
  const texts = new Map<BodySectionKey, string>();
  for (const key of SCALE_PARTS) texts.set(key, (await part(db, reportId, key)).plainText);
  const marks = new Map<BodySectionKey, number[]>(SCALE_PARTS.map((k) => [k, []]));
  const rows = [];
  for (let i = 0; i < n; i++) {
    const key = SCALE_PARTS[i % SCALE_PARTS.length]!;
    const text = texts.get(key)!;
    const slot = Math.floor(i / SCALE_PARTS.length);
    let start = Math.floor(((slot + 0.5) * (text.length - 40)) / Math.ceil(n / SCALE_PARTS.length));
    while (text.slice(start, start + 24).includes('\n')) start++;
    const anchor = createAnchor(text, start, start + 24);
    marks.get(key)!.push(start + 12);
    rows.push({ reportId, sectionKey: key, authorId, anchor, replacement: `建议改为第${i}处`, reason: null });
  }
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    await write(db, () => db.insert(suggestions).values(chunk));
  }
  for (const key of SCALE_PARTS) {
    const chars = [...texts.get(key)!];
    for (const at of marks.get(key)!) if (chars[at] !== '\n') chars[at] = '◇';
    await writePart(db, reportId, key, chars.join(''), by);
  }
}

/** A 需修改 verdict on every checklist item of the four parts (35), given on the text as it stands now. */
export async function plantFixVerdicts(db: Db, reportId: number, reviewerId: number): Promise<number> {
  let count = 0;
  const year = (await one(db.select({ year: reports.year }).from(reports).where(eq(reports.id, reportId))))!.year;
  for (const key of SCALE_PARTS) {
    const text = (await part(db, reportId, key)).plainText;
    const items = checklistFor(packChecklist(defaultPack(year)), key);
    await write(db, () =>
      db
        .insert(reviewVerdicts)
        .values(items.map((item) => ({ reportId, itemId: item.id, verdict: 'fix' as const, note: '请补充数据。', sectionText: text, reviewerId, updatedAt: new Date() }))),
    );
    count += items.length;
  }
  return count;
}

/** Every part of the four rewritten (another text of the same length). */
export async function rewriteParts(db: Db, reportId: number, by: By, chars = 95_000): Promise<void> {
  for (const [i, key] of SCALE_PARTS.entries()) await writePart(db, reportId, key, scaleText(chars, 101 + i), by);
}
