CREATE TABLE `report_checklist` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`kind` text NOT NULL,
	`label` text,
	`confirmed` integer DEFAULT false NOT NULL,
	`state` text,
	`note` text DEFAULT '' NOT NULL,
	`updated_by` integer,
	`updated_at` integer,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_checklist_item_unique` ON `report_checklist` (`report_id`,`item_id`);--> statement-breakpoint
ALTER TABLE `reports` ADD `meta_version` integer DEFAULT 1 NOT NULL;