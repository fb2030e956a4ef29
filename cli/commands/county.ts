// county add, county rename and county list: the counties (县/区) a city or province sets up.
import { parseArgs } from 'node:util';
import { countyIdByName, createCounty, listCountiesWithTownships, renameCounty } from '@/lib/directory/townships';
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import { UsageError, type Command } from '../context';

export const countyAdd: Command = {
  name: 'county add',
  run: async ({ args, out, db }) => {
    const { values } = parseArgs({ args, options: { name: { type: 'string' } }, strict: true });
    if (!values.name) throw new UsageError('county add 需要 --name。');
    const c = await createCounty(db(), SYSTEM_ACTOR, { name: values.name });
    out.log(`已添加县（区）${c.name}`);
  },
};

export const countyRename: Command = {
  name: 'county rename',
  run: async ({ args, out, db: open }) => {
    const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' } }, strict: true });
    if (!values.from || !values.to) throw new UsageError('county rename 需要 --from 原名 和 --to 新名。');
    const db = open();
    const c = await renameCounty(db, SYSTEM_ACTOR, await countyIdByName(db, values.from), { name: values.to });
    out.log(`已将 ${values.from} 改名为 ${c.name}`);
  },
};

export const countyList: Command = {
  name: 'county list',
  run: async ({ args, out, db }) => {
    if (args.length) throw new UsageError('county list 不需要参数。');
    for (const c of await listCountiesWithTownships(db())) out.log(`${c.name}\t${c.townships} 个乡镇（街道）`);
  },
};
