ALTER TABLE "tenants" ADD COLUMN "known_permissions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Companies that existed before this release: the system role (مدیر سیستم) was created with the whole
-- catalog of its day, so what it holds is known. Admins can edit its grants, though, and a permission
-- taken away from it is known too (otherwise the startup catch-up would hand it back to every default
-- role): its recorded history in permission_changes (before and after of each edit) adds those.
-- Runs as the migrating role, so RLS does not apply.
UPDATE "tenants" t SET "known_permissions" = coalesce((
  SELECT array_agg(DISTINCT s.p ORDER BY s.p)
  FROM (
    SELECT g.permission AS p
    FROM "grants" g
    JOIN "roles" r ON r.id = g.principal_id AND r.tenant_id = g.tenant_id
    WHERE g.tenant_id = t.id AND g.principal_type = 'role' AND r.is_system
    UNION
    SELECT jsonb_path_query(doc.v, '$.grants[*].permission') #>> '{}'
    FROM "permission_changes" pc
    JOIN "roles" r ON r.id = pc.principal_id AND r.tenant_id = pc.tenant_id
    CROSS JOIN LATERAL (VALUES (pc.before), (pc.after)) AS doc(v)
    WHERE pc.tenant_id = t.id AND pc.principal_type = 'role' AND r.is_system
  ) s
  WHERE s.p IS NOT NULL
), '{}'::text[]);
