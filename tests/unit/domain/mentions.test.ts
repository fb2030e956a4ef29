// Finding @mentions in a comment's text among given people: by 姓名 or 用户名, the longest name at each "@", not inside
// an e-mail address or a longer 用户名, a name two people share naming nobody; linear in the text.
import { describe, expect, it } from 'vitest';
import { findMentions, mentionedIds, type MentionCandidate } from '@/lib/domain/mentions';
import { expectLinear } from '../../support/linear';

const PEOPLE: MentionCandidate[] = [
  { id: 1, names: ['张三', 'zhangsan'] },
  { id: 2, names: ['张三丰', 'zsf'] },
  { id: 3, names: ['李四', 'li'] },
  { id: 4, names: ['王五', 'wang5'] },
  { id: 5, names: ['王五', 'wangwu'] },
];

describe('findMentions', () => {
  it('finds 姓名 and 用户名 after "@", the longest name first, with their places', () => {
    const text = '@张三丰 请核对，@张三请补充数据；抄送@li。';
    expect(findMentions(text, PEOPLE)).toEqual([
      { userId: 2, start: 0, end: 4 },
      { userId: 1, start: 9, end: 12 },
      { userId: 3, start: 20, end: 23 },
    ]);
    expect(text.slice(9, 12)).toBe('@张三');
  });

  it('skips e-mail addresses, longer 用户名 and unknown names', () => {
    expect(findMentions('请发到 a@li.com 或 @lihua 或 @赵六', PEOPLE)).toEqual([]);
    // A 用户名 followed by Chinese text still ends there.
    expect(mentionedIds('@zhangsan请看', PEOPLE)).toEqual([1]);
  });

  it('a 姓名 two people share names neither of them; their 用户名 still does', () => {
    expect(mentionedIds('@王五 看一下', PEOPLE)).toEqual([]);
    expect(mentionedIds('@wangwu 和 @wang5', PEOPLE)).toEqual([5, 4]);
  });

  it('counts each person once, in the order first mentioned', () => {
    expect(mentionedIds('@李四 @张三 @李四', PEOPLE)).toEqual([3, 1]);
  });

  it('is linear in the text (n and 4n), with an "@" at every other character', () => {
    const many: MentionCandidate[] = Array.from({ length: 200 }, (_, i) => ({ id: i + 1, names: [`人员${i}号`, `user${i}`] }));
    expectLinear((n) => {
      findMentions('@人'.repeat(n), many);
    }, 20_000);
  });
});
