CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"description" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"responsible_id" uuid NOT NULL,
	"created_by" uuid,
	"link_type" text,
	"link_id" uuid,
	"customer_id" uuid,
	"contact_id" uuid,
	"direction" text,
	"audio_file_id" uuid,
	"location" text,
	"is_follow_up" boolean DEFAULT false NOT NULL,
	"parent_id" uuid,
	"outcome" text,
	"outcome_note" text,
	"postpone_count" integer DEFAULT 0 NOT NULL,
	"referred_by" uuid,
	"completed_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_status_ck" CHECK ("activities"."status" in ('open', 'in_progress', 'done', 'canceled')),
	CONSTRAINT "activities_direction_ck" CHECK ("activities"."direction" is null or "activities"."direction" in ('in', 'out')),
	CONSTRAINT "activities_times_ck" CHECK ("activities"."ends_at" is null or "activities"."ends_at" >= "activities"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "activities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "activity_invitees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"user_id" uuid,
	"contact_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_invitees_one_ck" CHECK (num_nonnulls("activity_invitees"."user_id", "activity_invitees"."contact_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "activity_invitees" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "activity_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"color" text NOT NULL,
	"icon" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"is_system" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_types" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_type_id_activity_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."activity_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_contact_id_customer_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."customer_contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_audio_file_id_files_id_fk" FOREIGN KEY ("audio_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_parent_id_activities_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_invitees" ADD CONSTRAINT "activity_invitees_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_invitees" ADD CONSTRAINT "activity_invitees_contact_id_customer_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."customer_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_responsible_idx" ON "activities" USING btree ("tenant_id","responsible_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "activities_pending_idx" ON "activities" USING btree ("tenant_id","responsible_id","starts_at") WHERE "activities"."status" in ('open', 'in_progress');--> statement-breakpoint
CREATE INDEX "activities_customer_idx" ON "activities" USING btree ("tenant_id","customer_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "activities_link_idx" ON "activities" USING btree ("tenant_id","link_type","link_id","starts_at") WHERE "activities"."link_type" <> 'customer';--> statement-breakpoint
CREATE INDEX "activities_tenant_starts_idx" ON "activities" USING btree ("tenant_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "activities_parent_idx" ON "activities" USING btree ("tenant_id","parent_id") WHERE "activities"."parent_id" is not null;--> statement-breakpoint
CREATE INDEX "activity_invitees_activity_idx" ON "activity_invitees" USING btree ("tenant_id","activity_id");--> statement-breakpoint
CREATE INDEX "activity_invitees_user_idx" ON "activity_invitees" USING btree ("tenant_id","user_id","activity_id") WHERE "activity_invitees"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_invitees_user_uq" ON "activity_invitees" USING btree ("activity_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_invitees_contact_uq" ON "activity_invitees" USING btree ("activity_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_types_tenant_name_uq" ON "activity_types" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE POLICY "activities_tenant_isolation" ON "activities" AS PERMISSIVE FOR ALL TO "app_user" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "activity_invitees_tenant_isolation" ON "activity_invitees" AS PERMISSIVE FOR ALL TO "app_user" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "activity_types_tenant_isolation" ON "activity_types" AS PERMISSIVE FOR ALL TO "app_user" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);