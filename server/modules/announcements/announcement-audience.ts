// Who an announcement reaches. The audience (everyone, a role, a unit with its sub-units) is cut down to the
// staff within the sender's scope of `announcements.create` (unit → my unit, subunits → my unit and below,
// all → the company), active ones only, the sender left out. Resolved when it is sent, and again only when its audience is edited.
import { and, asc, eq, inArray, like, ne, sql, type SQL } from 'drizzle-orm';
import type { AnnouncementCreate, AudienceOptions } from '../../../common/contracts/announcements.contract.js';
import { scopeOf, type Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/http/app-error.js';
import { roles, userRoles } from '../access/index.js';
import { unitSubtreeIds, units } from '../org/index.js';
import { users } from '../staff/index.js';

/** The units a sender reaches; null: all of them. */
async function reachableUnits(tx: Tx, ctx: Ctx): Promise<string[] | null> {
  const scope = scopeOf(ctx.principal, 'announcements.create');
  if (!scope) throw new AppError('forbidden');
  if (scope === 'all') return null;
  const unitId = ctx.principal.unitId;
  if (scope === 'own' || !unitId) return [];
  return scope === 'unit' ? [unitId] : unitSubtreeIds(tx, ctx.tenantId, unitId);
}

const ALL_LABEL = { all: 'همه پرسنل', unit: 'همه پرسنل واحد من', subunits: 'همه پرسنل واحد من و زیرواحدها', own: 'همه پرسنل (خارج از محدوده شما)' } as const;

export type ResolvedAudience = { userIds: string[]; targetName: string | null };

/** `senderId`: who is left out — the sender, also when an admin edits someone else's announcement. */
export async function resolveAudience(tx: Tx, ctx: Ctx, input: Pick<AnnouncementCreate, 'audience' | 'targetId'>, senderId = ctx.userId): Promise<ResolvedAudience> {
  const reach = await reachableUnits(tx, ctx);
  const conditions: (SQL | undefined)[] = [
    eq(users.tenantId, ctx.tenantId), eq(users.active, true), senderId ? ne(users.id, senderId) : undefined,
    reach === null ? undefined : reach.length ? inArray(users.unitId, reach) : sql`false`,
  ];
  let targetName: string | null = null;
  if (input.audience === 'role') {
    const [role] = await tx.select({ name: roles.name }).from(roles).where(and(eq(roles.tenantId, ctx.tenantId), eq(roles.id, input.targetId!)));
    if (!role) throw fieldError('targetId', 'نقش انتخاب‌شده پیدا نشد');
    targetName = role.name;
    conditions.push(inArray(users.id, tx.select({ id: userRoles.userId }).from(userRoles).where(and(eq(userRoles.tenantId, ctx.tenantId), eq(userRoles.roleId, input.targetId!)))));
  }
  if (input.audience === 'unit') {
    const [unit] = await tx.select({ name: units.name, path: units.path }).from(units).where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, input.targetId!)));
    if (!unit) throw fieldError('targetId', 'واحد انتخاب‌شده پیدا نشد');
    if (reach !== null && !reach.includes(input.targetId!)) throw fieldError('targetId', 'این واحد خارج از محدوده دسترسی شما برای ارسال اطلاعیه است', 'forbidden');
    targetName = unit.name;
    conditions.push(inArray(users.unitId, tx.select({ id: units.id }).from(units).where(and(eq(units.tenantId, ctx.tenantId), like(units.path, `${unit.path}%`)))));
  }
  const rows = await tx.select({ id: users.id }).from(users).where(and(...conditions));
  if (!rows.length) throw fieldError(input.audience === 'all' ? 'audience' : 'targetId', 'هیچ همکار فعالی در این مخاطبان (و در محدوده دسترسی شما) نیست');
  return { userIds: rows.map((r) => r.id), targetName };
}

/** The compose form's choices: every role (its members are cut to the sender's reach), the units within reach. */
export async function audienceOptions(tx: Tx, ctx: Ctx): Promise<AudienceOptions> {
  const reach = await reachableUnits(tx, ctx);
  const scope = scopeOf(ctx.principal, 'announcements.create')!;
  const roleRows = await tx.select({ id: roles.id, name: roles.name }).from(roles).where(eq(roles.tenantId, ctx.tenantId)).orderBy(asc(roles.name));
  const unitRows = reach !== null && !reach.length ? [] : await tx.select({ id: units.id, name: units.name }).from(units)
    .where(and(eq(units.tenantId, ctx.tenantId), reach === null ? undefined : inArray(units.id, reach))).orderBy(asc(units.path));
  return { allLabel: ALL_LABEL[scope], roles: roleRows, units: unitRows };
}
