CREATE TABLE "seen_webhook_signatures" (
	"site_id" uuid NOT NULL,
	"signature_hash" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seen_webhook_signatures_site_id_signature_hash_pk" PRIMARY KEY("site_id","signature_hash")
);
--> statement-breakpoint
ALTER TABLE "seen_webhook_signatures" ADD CONSTRAINT "seen_webhook_signatures_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "seen_webhook_signatures_seen_idx" ON "seen_webhook_signatures" USING btree ("seen_at");