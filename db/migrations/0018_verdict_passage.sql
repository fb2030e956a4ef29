ALTER TABLE `review_verdicts` ADD `passage` text;--> statement-breakpoint
ALTER TABLE `review_verdicts` ADD `done_note` text;--> statement-breakpoint
ALTER TABLE `review_verdicts` ADD `done_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `review_verdicts` ADD `done_at` integer;