// The 主送 must be the county's Party committee and government: a department there is flagged, the usual forms are not.
import { describe, expect, it } from 'vitest';
import { checkRecipientDepartment, recipientOrgans } from '@/lib/domain/checks-front';
import { runChecks } from '@/lib/domain/checks';
import { emptyReportText, type ReportText } from '@/lib/domain/model';
import { expectLinear } from '../../support/linear';

function addressedTo(recipient: string | null): ReportText {
  const r = emptyReportText(2025);
  r.recipient = recipient;
  return r;
}

describe('recipient-department', () => {
  it.each([
    ['县司法局：', '县司法局'],
    ['示例镇司法所：', '示例镇司法所'],
    ['依法治县办：', '依法治县办'],
    ['县委全面依法治县委员会办公室：', '县委全面依法治县委员会办公室'],
    ['中共示例县委、县司法局：', '县司法局'],
  ])('fires on a 主送 addressed to a department: %s', (recipient, department) => {
    const found = checkRecipientDepartment(addressedTo(recipient));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'recipient-department', section: 'recipient', severity: 'warning', evidence: department });
    expect(found[0]!.message).toContain('县委、县政府');
  });

  it('proposes the county named in the department, and ××县 when none is named', () => {
    expect(checkRecipientDepartment(addressedTo('青山县司法局：'))[0]!.message).toContain('“中共青山县委、青山县人民政府：”');
    expect(checkRecipientDepartment(addressedTo('依法治县办：'))[0]!.message).toContain('“中共××县委、××县人民政府：”');
  });

  it.each([
    '中共示例县委、示例县人民政府：',
    '县委、县政府：',
    '中共示例区委、示例区人民政府：',
    '中共示例县委员会 示例县人民政府',
    '中共额济纳旗委、额济纳旗人民政府：',
    '示例县人民政府：',
  ])('stays silent on the county’s Party committee and government: %s', (recipient) => {
    expect(checkRecipientDepartment(addressedTo(recipient))).toEqual([]);
  });

  it('leaves a missing 主送 to no-recipient and runs among all checks', () => {
    expect(checkRecipientDepartment(addressedTo(null))).toEqual([]);
    expect(runChecks(addressedTo('县司法局：')).map((c) => c.code)).toContain('recipient-department');
  });

  it('reads each organ of the line', () => {
    expect(recipientOrgans('中共示例县委、示例县人民政府，依法治县办：').map((o) => o.kind)).toEqual(['party', 'government', 'department']);
  });

  it('works in time linear in the 主送: 4n organs cost about 4× n', () => {
    // Timed a few times at each size, the fastest counting: the machine is shared.
    const run = (n: number) => {
      checkRecipientDepartment(addressedTo('中共示例县委、示例县人民政府、县司法局、'.repeat(n)));
    };
    expectLinear(run, 500);
  });
});
