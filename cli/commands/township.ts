// township add: a township (乡/镇/街道) in an existing county.
import { parseArgs } from 'node:util';
import { countyIdByName, createTownship } from '@/lib/directory/townships';
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
