// Assertions about parsed reports that several parser tests make.
import { expect } from 'vitest';
import type { ParsedReport } from '@/lib/domain/parse';

/**
 * A report that puts the 第一责任人 part first: it must be read by meaning, so part 一 is filed as leaders and part 二
 * as measures, each holding text of its own (`leaders`, `measures`) and not the other's (`notInLeaders`, `notInMeasures`).
 */
export function expectLeadersFirst(p: ParsedReport, t: { leaders: string; notInLeaders: string; measures: string; notInMeasures: string }): void {
  expect(p.headings.leaders?.startsWith('一、')).toBe(true);
  expect(p.headings.measures?.startsWith('二、')).toBe(true);
  expect(p.sections.leaders).toContain(t.leaders);
  expect(p.sections.leaders).not.toContain(t.notInLeaders);
  expect(p.sections.measures).toContain(t.measures);
  expect(p.sections.measures).not.toContain(t.notInMeasures);
}
