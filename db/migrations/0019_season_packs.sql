CREATE TABLE `season_packs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`season` integer NOT NULL,
	`scope_key` text NOT NULL,
	`county_id` integer,
	`body` text NOT NULL,
	`sha256` text NOT NULL,
	`imported_by` integer,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `season_packs_season_scope_unique` ON `season_packs` (`season`,`scope_key`);