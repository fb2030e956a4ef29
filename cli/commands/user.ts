// user add, user passwd and user list: accounts from the server's own console, acting as the system.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createUser, listUsers, resetPassword, setFurtherCounties, userIdByUsername } from '@/lib/directory/accounts';
import { resetTwoFactor } from '@/lib/auth/two-factor';
import { countyIdByName, townshipIdByName } from '@/lib/directory/townships';
import { setEmail } from '@/lib/mail/outbox';
import { SYSTEM_ACTOR } from '@/lib/domain/permissions';
import { ROLE_LABELS } from '@/lib/domain/labels';
import { UsageError, type Command } from '../context';

function randomPassword(): string {
  return randomBytes(9).toString('base64url');
}

export const userAdd: Command = {
  name: 'user add',
  run: async ({ args, out, db: open }) => {
    const { values } = parseArgs({
      args,
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        county: { type: 'string' },
        township: { type: 'string' },
        password: { type: 'string' },
      },
      strict: true,
    });
    if (!values.username || !values.name || !values.role) throw new UsageError('user add 需要 --username、--name 和 --role。');
    const db = open();
    const password = values.password ?? randomPassword();
    const user = await createUser(db, SYSTEM_ACTOR, {
      username: values.username,
      displayName: values.name,
      role: values.role,
      password,
      countyId: values.county ? await countyIdByName(db, values.county) : undefined,
      townshipId: values.township ? await townshipIdByName(db, values.township, values.county) : undefined,
    });
    out.log(`已添加账号 ${user.username}（${ROLE_LABELS[user.role]}）${values.password ? '' : `，初始密码：${password}`}`);
  },
};

export const userPasswd: Command = {
  name: 'user passwd',
  run: async ({ args, out, db: open }) => {
    const { values, positionals } = parseArgs({ args, options: { password: { type: 'string' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('user passwd 需要一个用户名。');
    const db = open();
    const username = positionals[0]!.toLowerCase();
    const password = values.password ?? randomPassword();
    await resetPassword(db, SYSTEM_ACTOR, await userIdByUsername(db, username), password);
    out.log(`已重置 ${username} 的密码${values.password ? '' : `，新密码：${password}`}`);
  },
};

export const userList: Command = {
  name: 'user list',
  run: async ({ args, out, db }) => {
    if (args.length) throw new UsageError('user list 不需要参数。');
    for (const u of await listUsers(db(), SYSTEM_ACTOR)) {
      const scope = u.townshipName ?? [u.countyName, ...u.furtherCounties.map((c) => c.name)].filter(Boolean).join('、');
      out.log([u.username, u.displayName, ROLE_LABELS[u.role], scope || '全部', u.active ? '正常' : '已停用'].join('\t'));
    }
  },
};

/** A reviewer who also covers further counties (a city office): `user counties 用户名 --county 甲县 --county 乙县`. */
export const userCounties: Command = {
  name: 'user counties',
  run: async ({ args, out, db: open }) => {
    const { values, positionals } = parseArgs({ args, options: { county: { type: 'string', multiple: true }, none: { type: 'boolean' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1 || (!values.county?.length && !values.none)) throw new UsageError('user counties 需要一个用户名，以及一个或多个 --county 县名（或 --none 取消）。');
    const db = open();
    const username = positionals[0]!.toLowerCase();
    const names = values.none ? [] : values.county!;
    await setFurtherCounties(db, SYSTEM_ACTOR, await userIdByUsername(db, username), { countyIds: await Promise.all(names.map((n) => countyIdByName(db, n))) });
    out.log(names.length ? `${username} 另负责审核：${names.join('、')}` : `${username} 不再负责其他县`);
  },
};

/** The address a user's 待办 is mailed to (when SMTP is configured): `user email 用户名 地址`, or `--clear`. */
export const userEmail: Command = {
  name: 'user email',
  run: async ({ args, out, db: open }) => {
    const { values, positionals } = parseArgs({ args, options: { clear: { type: 'boolean' } }, allowPositionals: true, strict: true });
    if (positionals.length !== (values.clear ? 1 : 2)) throw new UsageError('user email 需要用户名和邮箱地址（或用户名和 --clear）。');
    const db = open();
    const username = positionals[0]!.toLowerCase();
    const set = await setEmail(db, SYSTEM_ACTOR, await userIdByUsername(db, username), values.clear ? '' : positionals[1]!);
    out.log(set ? `${username} 的通知邮箱：${set}` : `已清空 ${username} 的通知邮箱`);
  },
};

/** A lost second factor: `user 2fa-reset 用户名` removes it and its recovery codes and signs the user out everywhere. */
export const userTwoFactorReset: Command = {
  name: 'user 2fa-reset',
  run: async ({ args, out, db: open }) => {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('user 2fa-reset 需要一个用户名。');
    const db = open();
    const username = positionals[0]!.toLowerCase();
    const { hadFactor, sessionsEnded } = await resetTwoFactor(db, SYSTEM_ACTOR, await userIdByUsername(db, username));
    out.log(
      `${hadFactor ? `已重置 ${username} 的两步验证` : `${username} 原本没有启用两步验证，已确认清除`}，结束了 ${sessionsEnded} 个登录会话。` +
        '如该角色要求两步验证，用户下次登录后会被要求重新设置。',
    );
  },
};
