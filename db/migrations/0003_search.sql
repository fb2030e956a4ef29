-- Full-text index of section text for search: FTS5 with the trigram tokenizer (Chinese terms of three
-- characters and more); shorter terms are matched with LIKE. Kept current by triggers on every save.
CREATE VIRTUAL TABLE `section_fts` USING fts5(plain_text, content='report_sections', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `section_fts`(rowid, plain_text) SELECT id, plain_text FROM report_sections;
--> statement-breakpoint
CREATE TRIGGER `report_sections_fts_insert` AFTER INSERT ON `report_sections` BEGIN
  INSERT INTO section_fts(rowid, plain_text) VALUES (new.id, new.plain_text);
END;
--> statement-breakpoint
CREATE TRIGGER `report_sections_fts_delete` AFTER DELETE ON `report_sections` BEGIN
  INSERT INTO section_fts(section_fts, rowid, plain_text) VALUES ('delete', old.id, old.plain_text);
END;
--> statement-breakpoint
CREATE TRIGGER `report_sections_fts_update` AFTER UPDATE OF plain_text ON `report_sections` BEGIN
  INSERT INTO section_fts(section_fts, rowid, plain_text) VALUES ('delete', old.id, old.plain_text);
  INSERT INTO section_fts(rowid, plain_text) VALUES (new.id, new.plain_text);
END;
