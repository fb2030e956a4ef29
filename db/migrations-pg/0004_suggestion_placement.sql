ALTER TABLE "review_verdicts" ADD COLUMN "changes_version" integer;--> statement-breakpoint
ALTER TABLE "review_verdicts" ADD COLUMN "changed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "review_verdicts" ADD COLUMN "changes" jsonb;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "placed_version" integer;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "placed_start" integer;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "placed_end" integer;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "placed_exact" boolean DEFAULT false NOT NULL;