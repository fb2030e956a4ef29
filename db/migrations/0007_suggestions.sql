CREATE TABLE `suggestions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`section_key` text NOT NULL,
	`author_id` integer NOT NULL,
	`anchor` text NOT NULL,
	`replacement` text NOT NULL,
	`reason` text,
	`state` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "suggestions_state_check" CHECK("suggestions"."state" in ('pending', 'accepted', 'rejected'))
);
--> statement-breakpoint
CREATE INDEX `suggestions_report_idx` ON `suggestions` (`report_id`,`section_key`);