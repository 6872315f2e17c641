import type { Ctx } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/types.js';

/** A context as background work of another module has it: the company, no user. */
export function systemCtx(db: Db, tenantId: string, now: () => Date): Ctx {
  return {
    db, tenantId, userId: null, requestId: 'test', now,
    principal: { kind: 'user', tenantId, tenantName: '', userId: null, apiKeyId: null, unitId: null, isAdmin: true, permissions: {}, locale: 'fa', sessionId: null, csrfToken: null, viaCookie: false },
  };
}
