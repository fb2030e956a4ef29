CREATE TABLE `publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`published_date` text NOT NULL,
	`url` text,
	`title` text NOT NULL,
	`summary` text,
	`document` text NOT NULL,
	`sha256` text NOT NULL,
	`masks` text DEFAULT '[]' NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "publications_kind_check" CHECK("publications"."kind" in ('publish', 'correction'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `publications_report_seq_unique` ON `publications` (`report_id`,`seq`);--> statement-breakpoint
ALTER TABLE `counties` ADD `topic_category` text;--> statement-breakpoint
ALTER TABLE `counties` ADD `genre_category` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `doc_number` text;--> statement-breakpoint
ALTER TABLE `townships` ADD `credit_code` text;