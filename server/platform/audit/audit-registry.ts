import type { Permission } from '../../../common/permissions.js';
import type { Ctx } from '../context.js';
import type { Tx } from '../db/types.js';

/**
 * Which permission lets a user read a record's history, per audited entity. Modules register theirs;
 * `audit.view` reads any history.
 */
const viewPermissionOf = new Map<string, Permission>();
/**
 * A record whose history is not for everyone who holds the permission (a private note is its author's
 * alone, `audit.view` included): its module says whether this user may read that record's entries.
 */
type HistoryReadCheck = (ctx: Ctx, entityId: string) => Promise<boolean>;
const readChecks = new Map<string, HistoryReadCheck>();
export const registerAuditedEntity = (entity: string, viewPermission: Permission, canRead?: HistoryReadCheck) => {
  viewPermissionOf.set(entity, viewPermission);
  if (canRead) readChecks.set(entity, canRead);
};
export const auditViewPermission = (entity: string) => viewPermissionOf.get(entity);
export const auditReadCheck = (entity: string) => readChecks.get(entity);

/** Turns actor ids into names for display; the staff module provides it. Inside a transaction, pass it. */
type ActorNames = (ctx: Ctx, ids: string[], tx?: Tx) => Promise<Map<string, string>>;
let actorNames: ActorNames = async () => new Map();
export const setActorNameResolver = (fn: ActorNames) => {
  actorNames = fn;
};
export const resolveActorNames: ActorNames = (ctx, ids, tx) => actorNames(ctx, ids, tx);
