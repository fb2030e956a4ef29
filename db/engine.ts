// Which engine the app runs on: PostgreSQL when DATABASE_URL names one (postgres://…), else the SQLite file.
export type Engine = 'sqlite' | 'postgres';

export function isPostgresUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//.test(s);
}

export function databaseEngine(): Engine {
  const url = process.env.DATABASE_URL;
  return url && isPostgresUrl(url) ? 'postgres' : 'sqlite';
}
