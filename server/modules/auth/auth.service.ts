import { and, eq, ne } from 'drizzle-orm';
import { normalizeMobile } from '../../../common/validators/mobile.js';
import { toLatinDigits } from '../../../common/text.js';
import type { Scope } from '../../../common/permissions.js';
import type { Ctx, Principal } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { sessions } from './auth.table.js';
import { users } from '../staff/staff.table.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.js';
import { API_KEY_PREFIX, newToken, sha256 } from './tokens.js';
import { findApiKey, findLoginCandidates, findSession, mergeGrants } from './principal.repository.js';
import { clearFailures, isLocked, LIMITS, recordFailure } from './login-throttle.js';
import { isStrongEnough, PASSWORD_RULE_FA } from './auth.errors.js';

export type LoginInput = { username: string; password: string; tenant?: string | undefined; ip: string; userAgent?: string | undefined };
export type NewSession = { token: string; csrfToken: string; userId: string; tenantId: string; expiresAt: Date };

export async function createSession(db: Db, userId: string, tenantId: string, days: number, now: Date, meta: { ip?: string; userAgent?: string | undefined } = {}): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken(18);
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  await db.insert(sessions).values({
    id: sha256(token), tenantId, userId, csrfToken, expiresAt, createdAt: now,
    ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, userId, tenantId, expiresAt };
}

/** Never says whether the username exists: every failure is the same message and takes the same time. */
export async function login(db: Db, input: LoginInput, opts: { sessionDays: number; now: Date }): Promise<NewSession> {
  const login = toLatinDigits(input.username.trim());
  const mobile = normalizeMobile(login);
  const tenant = input.tenant?.trim().toLowerCase() || null;
  const userKey = `u:${tenant ?? ''}:${(mobile ?? login).toLowerCase()}`;
  const ipKey = `ip:${input.ip}`;
  if (await isLocked(db, [userKey, ipKey], opts.now)) throw new AppError('login_locked');

  const candidates = (await findLoginCandidates(db, login, mobile, tenant)).filter((c) => c.active && c.tenant_active);
  let user = null as (typeof candidates)[number] | null;
  if (candidates.length === 0) {
    await verifyAgainstDummy(input.password);
  } else {
    const matches = [];
    for (const c of candidates) if (await verifyPassword(c.password_hash, input.password)) matches.push(c);
    if (new Set(matches.map((m) => m.tenant_id)).size > 1) throw new AppError('tenant_required');
    user = matches[0] ?? null;
  }
  if (!user) {
    await recordFailure(db, userKey, LIMITS.user, opts.now);
    await recordFailure(db, ipKey, LIMITS.ip, opts.now);
    throw new AppError('invalid_credentials');
  }
  await clearFailures(db, userKey);
  return createSession(db, user.id, user.tenant_id, opts.sessionDays, opts.now, { ip: input.ip, userAgent: input.userAgent });
}

export async function logout(db: Db, sessionId: string | null) {
  if (sessionId) await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user (deactivation, password change), optionally keeping one. */
export async function endUserSessions(db: Executor, tenantId: string, userId: string, keepSessionId?: string | null) {
  await db
    .delete(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined));
}

export type AuthenticatedUser = {
  id: string; username: string; firstName: string; lastName: string; fullName: string;
  mobile: string | null; email: string | null; locale: 'fa' | 'en'; unitId: string | null;
  tenantId: string; tenantName: string; photoFileId: string | null; currencyDisplay: 'rial' | 'toman';
};

/** Resolves the Authorization header or the session cookie to a principal, or null. */
export async function authenticateToken(db: Db, token: string, viaCookie: boolean, now: Date): Promise<{ principal: Principal; user: AuthenticatedUser | null } | null> {
  if (token.startsWith(API_KEY_PREFIX)) {
    if (viaCookie) return null;
    const key = await findApiKey(db, sha256(token));
    if (!key || key.revoked_at || !key.tenant_active) return null;
    const perms = typeof key.permissions === 'string' ? JSON.parse(key.permissions) : key.permissions;
    return {
      user: null,
      principal: {
        kind: 'apiKey', tenantId: key.tenant_id, tenantName: key.tenant_name, userId: null, apiKeyId: key.id, unitId: null,
        isAdmin: false, permissions: perms as Record<string, Scope>, locale: 'fa', sessionId: null, csrfToken: null, viaCookie: false,
      },
    };
  }
  const sessionId = sha256(token);
  const row = await findSession(db, sessionId);
  if (!row || !row.active || !row.tenant_active || new Date(row.expires_at) <= now) return null;
  const locale = row.locale === 'en' ? 'en' : 'fa';
  return {
    principal: {
      kind: 'user', tenantId: row.tenant_id, tenantName: row.tenant_name, userId: row.user_id, apiKeyId: null,
      unitId: row.unit_id, isAdmin: row.is_admin, permissions: mergeGrants(row.grants), locale,
      sessionId, csrfToken: row.csrf_token, viaCookie,
    },
    user: {
      id: row.user_id, username: row.username, firstName: row.first_name, lastName: row.last_name,
      fullName: `${row.first_name} ${row.last_name}`.trim(), mobile: row.mobile, email: row.email, locale,
      unitId: row.unit_id, tenantId: row.tenant_id, tenantName: row.tenant_name, photoFileId: row.photo_file_id,
      currencyDisplay: row.currency_display === 'toman' ? 'toman' : 'rial',
    },
  };
}

export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
  const userId = ctx.userId;
  if (!userId) throw new AppError('forbidden');
  if (!isStrongEnough(input.newPassword)) throw fieldError('newPassword', PASSWORD_RULE_FA);
  await inTenant(ctx.db, ctx, async (tx) => {
    const [user] = await tx.select().from(users).where(and(eq(users.id, userId), eq(users.tenantId, ctx.tenantId)));
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new AppError('wrong_password', { errors: [{ path: 'currentPassword', message: 'رمز عبور فعلی نادرست است' }] });
    }
    const passwordHash = await hashPassword(input.newPassword);
    await tx.update(users).set({ passwordHash, passwordChangedAt: ctx.now(), updatedAt: ctx.now() }).where(eq(users.id, userId));
    await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, ctx.principal.sessionId ?? '')));
    await recordAudit(tx, ctx, { entity: 'staff', entityId: userId, action: 'update', before: { password: '•' }, after: { passwordChanged: true } });
  });
}

export async function setLocale(ctx: Ctx, locale: 'fa' | 'en') {
  if (!ctx.userId) throw new AppError('forbidden');
  await inTenant(ctx.db, ctx, (tx) => tx.update(users).set({ locale }).where(and(eq(users.id, ctx.userId!), eq(users.tenantId, ctx.tenantId))));
}
