CREATE TABLE "template_drafts" (
	"site_id" uuid NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"draft_key" text NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"content" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "template_drafts_staff_user_id_draft_key_pk" PRIMARY KEY("staff_user_id","draft_key")
);
--> statement-breakpoint
ALTER TABLE "template_drafts" ADD CONSTRAINT "template_drafts_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_drafts" ADD CONSTRAINT "template_drafts_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;