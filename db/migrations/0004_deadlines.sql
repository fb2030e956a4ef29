CREATE TABLE `county_deadlines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`county_id` integer NOT NULL,
	`year` integer NOT NULL,
	`collection_date` text NOT NULL,
	`updated_by` integer,
	`updated_at` integer,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `county_deadlines_county_year_unique` ON `county_deadlines` (`county_id`,`year`);