-- The session lookup runs on every authenticated request. Wrapped in a PL/pgSQL function its plan is cached
-- per connection (on PostgreSQL and PGlite alike) instead of being planned on every call, which was most of
-- the lookup's cost (docs/performance.md). Runs as the caller, like the query it replaces: the platform reads
-- sessions before any tenant is known. Returns one JSON object (or null), so the column list lives here only.
CREATE OR REPLACE FUNCTION auth_find_session(p_id text) RETURNS json LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT row_to_json(x) FROM (
      SELECT s.tenant_id, t.name AS tenant_name, t.active AS tenant_active, s.user_id, s.csrf_token, s.expires_at,
             u.active, u.is_admin, u.locale, u.unit_id, u.username, u.first_name, u.last_name, u.mobile, u.email,
             u.photo_file_id, cs.currency_display,
             (SELECT coalesce(json_agg(json_build_array(g.permission, g.scope)), '[]'::json) FROM grants g
               WHERE g.tenant_id = u.tenant_id AND (
                 (g.principal_type = 'role' AND g.principal_id IN (SELECT ur.role_id FROM user_roles ur WHERE ur.tenant_id = u.tenant_id AND ur.user_id = u.id))
                 OR (g.principal_type = 'group' AND g.principal_id IN (SELECT gm.group_id FROM group_members gm WHERE gm.tenant_id = u.tenant_id AND gm.user_id = u.id)))) AS grants
        FROM sessions s JOIN users u ON u.id = s.user_id JOIN tenants t ON t.id = s.tenant_id
        LEFT JOIN company_settings cs ON cs.tenant_id = s.tenant_id
       WHERE s.id = p_id
    ) x
  );
END
$$;
