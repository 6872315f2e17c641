CREATE TABLE "sms_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"to" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"gateway" text,
	"gateway_message_id" text,
	"delivery_status" text,
	"status_checks" integer DEFAULT 0 NOT NULL,
	"next_status_check_at" timestamp with time zone,
	"reference" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sms_messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sms_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"gateway" text DEFAULT 'none' NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"secrets" text,
	"secret_hints" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sms_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "sms_messages_tenant_created_idx" ON "sms_messages" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sms_messages_tenant_status_idx" ON "sms_messages" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX "sms_messages_tenant_reference_idx" ON "sms_messages" USING btree ("tenant_id","reference");--> statement-breakpoint
CREATE INDEX "sms_messages_tenant_to_idx" ON "sms_messages" USING btree ("tenant_id","to");--> statement-breakpoint
CREATE INDEX "sms_messages_status_check_idx" ON "sms_messages" USING btree ("tenant_id","next_status_check_at") WHERE "sms_messages"."status" = 'sent' and "sms_messages"."next_status_check_at" is not null;--> statement-breakpoint
CREATE POLICY "sms_messages_tenant_isolation" ON "sms_messages" AS PERMISSIVE FOR ALL TO "app_user" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "sms_settings_tenant_isolation" ON "sms_settings" AS PERMISSIVE FOR ALL TO "app_user" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);