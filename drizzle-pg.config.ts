// The PostgreSQL migrations (db/migrations-pg), generated from db/schema-pg.ts, itself generated from db/schema.ts:
// `npx drizzle-kit generate --config drizzle-pg.config.ts` after every change to the schema.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-pg.ts',
  out: './db/migrations-pg',
});
