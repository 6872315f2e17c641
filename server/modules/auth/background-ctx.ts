// Background work (an import's jobs) runs as the person who started it, with their permissions and record
// scope as they are NOW: a user whose access was taken away meanwhile cannot keep going.
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/types.js';
import { principalForUser } from './principal.repository.js';

/** A service context for background work on behalf of `userId`, or null when they can no longer act. */
export async function ctxForUser(db: Db, tenantId: string, userId: string, now: () => Date, requestId: string): Promise<Ctx | null> {
  const principal = await principalForUser(db, tenantId, userId);
  return principal ? { db, principal, tenantId, userId, requestId, now } : null;
}
