CREATE TABLE `suggestion_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`suggestion_id` integer NOT NULL,
	`report_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`suggestion_id`) REFERENCES `suggestions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `suggestion_replies_suggestion_idx` ON `suggestion_replies` (`suggestion_id`);--> statement-breakpoint
CREATE INDEX `suggestion_replies_report_idx` ON `suggestion_replies` (`report_id`);--> statement-breakpoint
CREATE INDEX `suggestion_replies_author_idx` ON `suggestion_replies` (`author_id`,`created_at`);