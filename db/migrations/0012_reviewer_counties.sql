CREATE TABLE `reviewer_counties` (
	`user_id` integer NOT NULL,
	`county_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `county_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reviewer_counties_county_idx` ON `reviewer_counties` (`county_id`);