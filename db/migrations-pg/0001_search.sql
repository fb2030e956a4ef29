-- Search on PostgreSQL: trigram matching (pg_trgm) over the parts' plain text, the counterpart of SQLite's FTS5
-- trigram table; terms of two characters take the same LIKE path on both engines.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "report_sections_plain_text_trgm" ON "report_sections" USING gin ("plain_text" gin_trgm_ops);
