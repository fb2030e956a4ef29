ALTER TABLE `review_verdicts` ADD `changes_version` integer;--> statement-breakpoint
ALTER TABLE `review_verdicts` ADD `changed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `review_verdicts` ADD `changes` text;--> statement-breakpoint
ALTER TABLE `suggestions` ADD `placed_version` integer;--> statement-breakpoint
ALTER TABLE `suggestions` ADD `placed_start` integer;--> statement-breakpoint
ALTER TABLE `suggestions` ADD `placed_end` integer;--> statement-breakpoint
ALTER TABLE `suggestions` ADD `placed_exact` integer DEFAULT false NOT NULL;