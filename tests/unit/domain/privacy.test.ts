// 公开前检查: each kind of personal information and marker is found in an invented fixture, also typed the ways people
// type it (spaces, dashes, full-width digits), with its span in the original text; nothing in a clean report or in the
// real published reports of the corpus; and the scan is linear, on hostile input too.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isResidentId, luhnCheckDigit, scanForPublication, scanText } from '@/lib/domain/privacy';
import { expectLinear, expectLinearInText } from '../../support/linear';
import { PLANTED } from '../../support/planted';

// Invented, with a correct check character: 11010519491231002X is the standard's own example.
const ID = '11010519491231002X';

const CARD = `622202020011234567${luhnCheckDigit('622202020011234567')}`;

const scan = (text: string) => scanForPublication([{ where: '一、主要举措和成效', text }]).map((f) => [f.kind, f.text]);

/** Lines of a clean report, read as one text: nothing found. */
const expectSilent = (lines: string[]) => expect(scan(lines.join('\n'))).toEqual([]);

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
    expectSilent([
      '依法查处当事人王某某非法占地案件，当事人陈述申辩权利得到保障，维护当事人合法权益。',
      '全年办理行政复议案件2件，执法检查136次，涉及金额12000000元。',
      '2025年1月9日召开专题会议，会议编号20250109001。',
      '加强保守国家秘密教育，开展保密检查4次。',
      '镇政府位于青山路12号，办公电话0731-12345678。',
    ]);
  });

  it('takes time linear in the text (4n about 4× n)', () => {
    const unit = '当事人陈述申辩，青山村3组开展活动，联系1381234567，编号1234567890123456。';
    expectLinearInText(unit, scan, 4_000);
  });
});

describe('scanText: what the scan missed before', () => {
  it.each(PLANTED)('finds %s', (line, kind, text) => {
    const found = scan(line);
    expect(found).toContainEqual([kind, text]);
  });

  it('reports the span in the original text, full-width and separators included', () => {
    for (const [line, kind, text] of PLANTED) {
      const f = scanText(line).find((x) => x.kind === kind && x.text === text)!;
      expect(line.slice(f.start, f.end), line).toBe(text);
      expect(f.message).toContain(text);
    }
  });

  it('says 疑似身份证号 for an ID shape after 身份证号 whose check character is wrong, not for one without the words', () => {
    expect(isResidentId('110101199003071234')).toBe(false);
    expect(scanText('身份证号110101199003071234。').map((f) => [f.kind, f.text, f.message.slice(0, 6)])).toEqual([['id-number-suspect', '110101199003071234', '疑似身份证号']]);
    expect(scanText('证件号码：110101-19900307-1234').map((f) => f.kind)).toEqual(['id-number-suspect']);
    expect(scanText('项目编号110101199003071234。')).toEqual([]);
  });

  it('finds card numbers after 银行卡号 / 账号 and in groups of four', () => {
    expect(scan('银行账号：1234 5678 9012')).toEqual([['bank-card', '1234 5678 9012']]);
    expect(scan('卡号6222-0212-3456-7890')).toEqual([['bank-card', '6222-0212-3456-7890']]);
  });

  it('lets pseudonyms and ordinary words through', () => {
    expectSilent([
      '当事人为王某某，联系人李某，当事人是张X，当事人为赵××。',
      '加强道路交通安全整治，街道办事处牵头，依照第3号文件执行；镇政府位于青山路12号，住建局位于人民路8号。',
      '完善内部控制和内部审计制度，加强内部管理，严守国家秘密和工作秘密，加强机密文件管理。',
      '密切联系人民群众，联系人大代表12名。当事人陈述申辩。',
      '2024-2025年度，办公电话0731-12345678，文号〔2025〕3号，会议编号20250109001，投入资金1 200 000元。',
      '| 序号 | 项目 | 金额 |\t1\t道路硬化\t12000',
    ]);
  });

  it('takes time linear in hostile input: digit runs with separators, blank lines, repeated cue words', () => {
    const unit = ['1 2-3 4 5 6 7 8 9 0 ', '１３８ １２３４ ', '\n\n  \n', '当事人为当事人是联系人', '家住家住人民路路街12号', '（秘密（内部密级：', '6222 0212 3456 7890 1234 5678 '].join('');
    scanText(unit.repeat(4_000)); // warm the JIT with a full-size run first
    expectLinear((n) => {
      scanText(unit.repeat(n));
    }, 1_000);
  });
});

// Real published reports beside the checkout (see corpus.test.ts): ordinary report text must raise no alarms.
const SAMPLES = path.resolve(__dirname, '../../../../shared/samples');
describe.skipIf(!existsSync(SAMPLES))('scanText on the corpus of published reports', () => {
  it('raises no address, person or marker alarm on any of them', () => {
    const counts: Record<string, number> = {};
    for (const name of ['jincheng-2023.txt', 'yanxi-2024.txt', 'hutou-2023.txt']) {
      for (const f of scanText(readFileSync(path.join(SAMPLES, name), 'utf8'))) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    }
    expect(counts).toEqual({});
  });
});
