ALTER TABLE "magic_links" ADD COLUMN "short_code_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "magic_links_short_code_idx" ON "magic_links" USING btree ("short_code_hash");