// What every command gets: where to write, how to open the database, and the error that means "wrong usage".
import type { Db } from '@/db/client';

export type Out = { log: (s: string) => void; error: (s: string) => void };

export type CommandContext = {
  /** The words after the command's name (after `user add`, `backup`, …). */
  args: string[];
  out: Out;
  db: () => Db;
  /** The database file the app uses (for restore). */
  dbFile: () => string;
};

export type Command = {
  /** As typed: 'parse', 'user add'. */
  name: string;
  run: (ctx: CommandContext) => Promise<void> | void;
};

/** Wrong usage: the message is followed by the usage text, exit code 2. */
export class UsageError extends Error {}
