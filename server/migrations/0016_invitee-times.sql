DROP INDEX "activity_invitees_user_idx";--> statement-breakpoint
ALTER TABLE "activity_invitees" ADD COLUMN "starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "activity_invitees" ADD COLUMN "status" text;--> statement-breakpoint
CREATE INDEX "activity_invitees_user_time_idx" ON "activity_invitees" USING btree ("tenant_id","user_id","starts_at","activity_id") WHERE "activity_invitees"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "activity_invitees_user_pending_idx" ON "activity_invitees" USING btree ("tenant_id","user_id","starts_at") WHERE "activity_invitees"."user_id" is not null and "activity_invitees"."status" in ('open', 'in_progress');--> statement-breakpoint
-- An invitation carries its meeting's time and status so "my activities" reads what I am invited to by time
-- from an index. The database keeps the copy: set on insert, followed on every change of the meeting, by
-- whatever path (API, import, SQL) it happens.
CREATE OR REPLACE FUNCTION activity_invitees_copy_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT a.starts_at, a.status INTO NEW.starts_at, NEW.status FROM activities a WHERE a.id = NEW.activity_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER activity_invitees_copy_meeting BEFORE INSERT OR UPDATE OF activity_id ON activity_invitees
  FOR EACH ROW EXECUTE FUNCTION activity_invitees_copy_meeting();--> statement-breakpoint
CREATE OR REPLACE FUNCTION activities_follow_invitees() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE activity_invitees i SET starts_at = NEW.starts_at, status = NEW.status
   WHERE i.tenant_id = NEW.tenant_id AND i.activity_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER activities_follow_invitees AFTER UPDATE OF starts_at, status ON activities
  FOR EACH ROW WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION activities_follow_invitees();--> statement-breakpoint
UPDATE activity_invitees i SET starts_at = a.starts_at, status = a.status FROM activities a WHERE a.id = i.activity_id;
