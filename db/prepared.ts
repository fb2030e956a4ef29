// Queries asked on nearly every request (who is asking, which report, which township), prepared once per connection:
// drizzle otherwise rebuilds their SQL on every call, which costs more than running them. On PostgreSQL the statement
// is named, so each pooled connection parses it once. Run with `await q(db).execute({ …placeholders })`.
import { engineOf, type Db } from './tx';

type Preparable<P> = { prepare(name?: string): P };

export function preparedFor<P>(name: string, build: (db: Db) => Preparable<P>): (db: Db) => P {
  const cache = new WeakMap<Db, P>();
  return (db) => {
    let q = cache.get(db);
    if (!q) {
      const b = build(db);
      // SQLite's prepare() takes no name; PostgreSQL's requires one.
      q = engineOf(db) === 'postgres' ? b.prepare(`nianbao_${name}`) : (b.prepare as () => P)();
      cache.set(db, q);
    }
    return q;
  };
}
