import { and, desc, eq, isNull } from 'drizzle-orm';
import { isPermission, type Scope } from '../../../common/permissions.js';
import type { Ctx } from '../../platform/context.js';
import { inTenant } from '../../platform/db/transactions.js';
import { fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { apiKeys } from './auth.table.js';
import { newApiKeySecret, sha256 } from './tokens.js';

const publicView = ({ keyHash: _h, tenantId: _t, createdBy: _c, ...k }: typeof apiKeys.$inferSelect) => ({ ...k, permissions: k.permissions as Record<string, Scope> });

export async function listApiKeys(ctx: Ctx) {
  const rows = await inTenant(ctx.db, ctx, (tx) => tx.select().from(apiKeys).where(eq(apiKeys.tenantId, ctx.tenantId)).orderBy(desc(apiKeys.createdAt)));
  return rows.map(publicView);
}

/** The secret is returned once, here; only its hash is stored. */
export async function createApiKey(ctx: Ctx, input: { name: string; permissions: Record<string, Scope> }) {
  for (const p of Object.keys(input.permissions)) if (!isPermission(p)) throw fieldError('permissions', `دسترسی «${p}» در فهرست دسترسی‌ها نیست`);
  const secret = newApiKeySecret();
  const row = await inTenant(ctx.db, ctx, async (tx) => {
    const [k] = await tx.insert(apiKeys).values({ tenantId: ctx.tenantId, name: input.name, prefix: secret.slice(0, 10), keyHash: sha256(secret), permissions: input.permissions, createdBy: ctx.userId }).returning();
    await recordAudit(tx, ctx, { entity: 'apiKey', entityId: k!.id, action: 'create', after: k! });
    return k!;
  });
  return { ...publicView(row), secret };
}

export async function revokeApiKey(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const [before] = await tx.select().from(apiKeys).where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
    if (!before) throw notFound('کلید');
    const [after] = await tx.update(apiKeys).set({ revokedAt: ctx.now() }).where(eq(apiKeys.id, before.id)).returning();
    await recordAudit(tx, ctx, { entity: 'apiKey', entityId: before.id, action: 'update', before, after: after! });
  });
}
