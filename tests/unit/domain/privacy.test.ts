// 公开前检查: each kind of personal information and marker is found in an invented fixture, nothing in a clean
// report, and the scan is linear.
import { describe, expect, it } from 'vitest';
import { isResidentId, luhnCheckDigit, scanForPublication } from '@/lib/domain/privacy';
import { expectLinear } from '../../support/linear';

// Invented, with a correct check character: 11010519491231002X is the standard's own example.
const ID = '11010519491231002X';

const CARD = `622202020011234567${luhnCheckDigit('622202020011234567')}`;

const scan = (text: string) => scanForPublication([{ where: '一、主要举措和成效', text }]).map((f) => [f.kind, f.text]);

describe('scanForPublication', () => {
  it('checks an ID number’s birth date and check character', () => {
    expect(isResidentId(ID)).toBe(true);
    expect(isResidentId('110105194912310021')).toBe(false);
    expect(isResidentId('110105194902300021')).toBe(false);
  });

  it.each([
    [`依法查处当事人张小明非法占地案件，身份证号${ID}。`, [['party-name', '张小明'], ['id-number', ID]]],
    ['联系电话13812345678。', [['mobile', '13812345678']]],
    [`赔偿款已转入其账户${CARD}。`, [['bank-card', CARD]]],
    ['其家住青山村3组12号。', [['address', '其家住青山村3组12号']]],
    ['本文件为内部资料，注意保存。', [['secret-marker', '内部资料']]],
  ])('finds what must not be published: %s', (text, found) => {
    expect(scan(text)).toEqual(found);
  });

  it('stays silent on a clean report: redacted names, counts, dates, phrases that only look alike', () => {
    const clean = [
      '依法查处当事人王某某非法占地案件，当事人陈述申辩权利得到保障，维护当事人合法权益。',
      '全年办理行政复议案件2件，执法检查136次，涉及金额12000000元。',
      '2025年1月9日召开专题会议，会议编号20250109001。',
      '加强保守国家秘密教育，开展保密检查4次。',
      '镇政府位于青山路12号，办公电话0731-12345678。',
    ].join('\n');
    expect(scan(clean)).toEqual([]);
  });

  it('takes time linear in the text (4n about 4× n)', () => {
    const unit = '当事人陈述申辩，青山村3组开展活动，联系1381234567，编号1234567890123456。';
    expectLinear((n) => {
      const text = unit.repeat(n);
      scan(text);
    }, 1_000);
  });
});
