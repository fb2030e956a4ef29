// township add: a township (乡/镇/街道) in an existing county; township code: its 统一社会信用代码.
import { parseArgs } from 'node:util';
import { countyIdByName, createTownship, setTownshipCode, townshipIdByName } from '@/lib/directory/townships';
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import { UsageError, type Command } from '../context';

export const townshipAdd: Command = {
  name: 'township add',
  run: async ({ args, out, db: open }) => {
    const { values } = parseArgs({ args, options: { county: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' } }, strict: true });
    if (!values.county || !values.name || !values.kind) throw new UsageError('township add 需要 --county、--name 和 --kind。');
    const db = open();
    const t = await createTownship(db, SYSTEM_ACTOR, { countyId: await countyIdByName(db, values.county), name: values.name, kind: values.kind });
    out.log(`已添加 ${values.county} ${t.name}（${t.kind}）`);
  },
};

export const townshipCode: Command = {
  name: 'township code',
  run: async ({ args, out, db: open }) => {
    const { values } = parseArgs({ args, options: { county: { type: 'string' }, name: { type: 'string' }, code: { type: 'string' } }, strict: true });
    if (!values.county || !values.name || values.code === undefined) throw new UsageError('township code 需要 --county、--name 和 --code。');
    const db = open();
    const t = await setTownshipCode(db, SYSTEM_ACTOR, await townshipIdByName(db, values.name, values.county), { code: values.code });
    out.log(t.creditCode ? `已设置 ${values.county} ${t.name} 的统一社会信用代码：${t.creditCode}` : `已清除 ${values.county} ${t.name} 的统一社会信用代码`);
  },
};
