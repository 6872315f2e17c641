-- Companies created before activities existed get the default activity types that provisioning gives
-- new ones (server/modules/activities/activity-types.seed.ts). Runs as the migrating role, so RLS does not apply.
INSERT INTO "activity_types" ("tenant_id", "name", "kind", "color", "icon", "sort_order", "is_system")
SELECT t.id, d.name, d.kind, d.color, d.icon, d.sort_order, true
FROM "tenants" t
CROSS JOIN (VALUES
  ('تماس', 'call', '#1E88E5', 'call', 0),
  ('جلسه', 'meeting', '#8E24AA', 'meeting', 10),
  ('ایمیل', 'email', '#00897B', 'email', 20),
  ('وظیفه', 'task', '#F4511E', 'task', 30),
  ('پیامک', 'sms', '#43A047', 'sms', 40),
  ('بازدید', 'visit', '#6D4C41', 'visit', 50)
) AS d(name, kind, color, icon, sort_order)
WHERE NOT EXISTS (SELECT 1 FROM "activity_types" x WHERE x.tenant_id = t.id);
