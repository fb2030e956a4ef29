CREATE TABLE `review_verdicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`verdict` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`section_text` text DEFAULT '' NOT NULL,
	`reviewer_id` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "review_verdicts_verdict_check" CHECK("review_verdicts"."verdict" in ('pass', 'fix'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_verdicts_report_item_unique` ON `review_verdicts` (`report_id`,`item_id`);