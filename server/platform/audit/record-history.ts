import type { Ctx } from '../context.js';
import { scopeOf } from '../context.js';
import { AppError } from '../http/app-error.js';
import { listAudit } from './audit.service.js';
import { auditReadCheck, auditViewPermission, resolveActorNames } from './audit-registry.js';

/** A record's history for whoever may read it: `audit.view`, or the view permission of that kind of record. */
export async function recordHistory(ctx: Ctx, q: { entity: string; entityId: string; limit: number; cursor?: number | undefined }) {
  const perm = auditViewPermission(q.entity);
  if (!scopeOf(ctx.principal, 'audit.view') && !(perm && scopeOf(ctx.principal, perm))) throw new AppError('forbidden');
  // A record the user may not read has, for them, no history — the same answer as an id that never existed.
  const canRead = auditReadCheck(q.entity);
  if (canRead && !(await canRead(ctx, q.entityId))) return { nextCursor: null, items: [] };
  const page = await listAudit(ctx, q);
  const names = await resolveActorNames(ctx, [...new Set(page.items.map((i) => i.actorUserId).filter((x): x is string => !!x))]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((i) => ({
      id: i.id,
      at: i.at,
      actor: i.actorUserId ? { id: i.actorUserId, name: names.get(i.actorUserId) ?? '—' } : null,
      apiKeyId: i.actorApiKeyId,
      action: i.action as 'create' | 'update' | 'delete',
      changes: i.changes,
    })),
  };
}
