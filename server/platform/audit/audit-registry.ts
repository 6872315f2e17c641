import type { Permission } from '../../../common/permissions.js';
import type { Ctx } from '../context.js';

/**
 * Which permission lets a user read a record's history, per audited entity. Modules register theirs;
 * `audit.view` reads any history.
 */
const viewPermissionOf = new Map<string, Permission>();
export const registerAuditedEntity = (entity: string, viewPermission: Permission) => viewPermissionOf.set(entity, viewPermission);
export const auditViewPermission = (entity: string) => viewPermissionOf.get(entity);

/** Turns actor ids into names for display; the staff module provides it. */
type ActorNames = (ctx: Ctx, ids: string[]) => Promise<Map<string, string>>;
let actorNames: ActorNames = async () => new Map();
export const setActorNameResolver = (fn: ActorNames) => {
  actorNames = fn;
};
export const resolveActorNames: ActorNames = (ctx, ids) => actorNames(ctx, ids);
