// Queries asked on nearly every request (who is asking, which report, which township), prepared once per connection:
// drizzle otherwise rebuilds their SQL on every call, which costs more than running them. Run with
// `await q(db).execute({ …placeholders })`.
//
// On PostgreSQL the query is built afresh on each call, through the db as the caller's context sees it (inside
// withTx: the transaction's connection), and named, so each pooled connection parses the SQL once. It is not cached:
// a statement built inside one transaction is bound to that transaction's connection, and reusing it after the
// transaction ended would run it on a connection someone else may be using.
import { engineOf, type Db } from './tx';

type Preparable<P> = { prepare(name?: string): P };

export function preparedFor<P>(name: string, build: (db: Db) => Preparable<P>): (db: Db) => P {
  const cache = new WeakMap<Db, P>();
  return (db) => {
    if (engineOf(db) === 'postgres') return build(db).prepare(`nianbao_${name}`);
    let q = cache.get(db);
    if (!q) {
      // SQLite's prepare() takes no name.
      q = (build(db).prepare as () => P)();
      cache.set(db, q);
    }
    return q;
  };
}
