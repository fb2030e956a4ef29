ALTER TABLE "review_verdicts" ADD COLUMN "passage" text;--> statement-breakpoint
ALTER TABLE "review_verdicts" ADD COLUMN "done_note" text;--> statement-breakpoint
ALTER TABLE "review_verdicts" ADD COLUMN "done_by" integer;--> statement-breakpoint
ALTER TABLE "review_verdicts" ADD COLUMN "done_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "review_verdicts" ADD CONSTRAINT "review_verdicts_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;