// Audit details as sentences: each action the app records reads as Chinese, ids turned into names.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, describeAudit, type AuditNames } from '@/lib/audit/describe';

const names: AuditNames = {
  user: (id) => (id === 7 ? 'zhao' : null),
  township: (id) => (id === 3 ? '示例镇' : null),
  county: (id) => (id === 1 ? '示例县' : null),
  item: (id) => (id === 'measures.disputes' ? '矛盾纠纷化解' : null),
};

describe('describeAudit', () => {
  it.each([
    ['report.create', { year: 2025, townshipId: 3, from: 'template' }, '创建 示例镇 2025年度报告（从模板）'],
    ['report.create', { year: 2025, townshipId: 3, from: 'last-year', fromReportId: 9 }, '创建 示例镇 2025年度报告（从上年度报告）'],
    ['report.transition', { transition: 'return', from: 'submitted', to: 'returned', versionId: 4, reason: '请补充数据' }, '退回修改：待审核 → 退回修改；原因：请补充数据'],
    [
      'report.transition',
      { transition: 'publish', from: 'final', to: 'published', url: 'https://x.gov.cn/a', masks: [{ finding: '一、主要举措和成效：张小明', replacement: '张某某' }], sha256: 'aa2ad3acbb33bbd5e61d', publicationSeq: 2 },
      '登记公开：已定稿 → 已公开；公开地址：https://x.gov.cn/a；公开稿中遮盖 1 处：一、主要举措和成效：张小明 → “张某某”；公开稿存档 SHA-256 aa2ad3acbb33…（第 2 次公开，即更正）',
    ],
    ['township.code', { townshipId: 3, name: '示例镇', from: null, to: '11500230008689762A' }, '示例镇 的统一社会信用代码设为 11500230008689762A'],
    ['county.categories', { countyId: 1, name: '示例县', topicCategory: '综合政务', genreCategory: null }, '示例县 的主题分类设为 综合政务，体裁分类设为 默认'],
    ['user.scope', { userId: 7, from: { role: 'drafter', countyId: null, townshipId: 3 }, to: { role: 'reviewer', countyId: 1 } }, 'zhao：起草人（示例镇） → 审核人（示例县）'],
    ['session.revoke', { userId: 7, reason: 'admin', count: 2 }, '结束 zhao 的 2 个登录会话（管理员强制下线）'],
    ['county.rename', { countyId: 1, from: '青山县', to: '青山区' }, '县（区）青山县 改名为 青山区'],
    ['suggestion.accept', { suggestionId: 12, sectionKey: 'measures' }, '接受修订：“一、主要举措和成效”第 12 条'],
    ['user.login', null, '登录成功'],
    ['verdict.set', { itemId: 'measures.disputes', verdict: 'fix' }, '清单项“矛盾纠纷化解”：需修改'],
    ['verdict.done', { itemId: 'plans.unknown', done: true }, '清单项 plans.unknown：起草人说明已修改'],
    ['report.import', { replaced: true, suggestions: 3 }, '导入报告，替换了原有内容（原内容保存为版本），含 3 处 Word 修订'],
  ])('%s %j → %s', (action, detail, sentence) => {
    expect(describeAudit(action, JSON.stringify(detail), names)).toBe(sentence);
  });

  it('has a name for every action the app records', () => {
    const recorded = new Set<string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        // The workflow table names permissions (report.submit …), not audit actions.
        else if (/\.tsx?$/.test(e.name) && !p.endsWith(path.join('domain', 'workflow.ts'))) for (const m of fs.readFileSync(p, 'utf8').matchAll(/action: (?:active \? )?'([a-z]+\.[a-z-]+)'(?: : '([a-z]+\.[a-z-]+)')?/g)) {
          recorded.add(m[1]!);
          if (m[2]) recorded.add(m[2]);
        }
      }
    };
    walk(path.resolve('lib'));
    expect(recorded.size).toBeGreaterThan(20);
    expect([...recorded].filter((a) => !ACTION_LABELS[a])).toEqual([]);
  });

  it('never fails on details it does not know or cannot read', () => {
    expect(describeAudit('something.new', JSON.stringify({ a: 1, b: { c: 2 } }), names)).toBe('a：1；b：{"c":2}');
    expect(describeAudit('report.create', 'not json', names)).toBe('not json');
    expect(describeAudit('comment.delete', null, names)).toBe('删除一条批注');
  });
});
