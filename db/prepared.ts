// Queries asked on nearly every request (who is asking, which report, which township), prepared once per connection:
// drizzle otherwise rebuilds their SQL on every call, which costs more than running them.
import type { Db } from '@/db/client';

export function preparedFor<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let q = cache.get(db);
    if (!q) {
      q = build(db);
      cache.set(db, q);
    }
    return q;
  };
}
