CREATE TABLE `inbox_reads` (
	`user_id` integer NOT NULL,
	`item_key` text NOT NULL,
	`read_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbox_reads_user_item_unique` ON `inbox_reads` (`user_id`,`item_key`);