CREATE TABLE "process_leases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "message_recipients" ADD COLUMN "claimed_by" uuid;--> statement-breakpoint
CREATE INDEX "message_recipients_claimed_by_idx" ON "message_recipients" USING btree ("claimed_by") WHERE "message_recipients"."claimed_by" is not null;