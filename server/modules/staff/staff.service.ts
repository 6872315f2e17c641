import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { ACCEPT, saveFile } from '../../platform/files/files.service.js';
import { ownerScopeCondition, setUserMemberships } from '../access/index.js';
import { jobPositions, units } from '../org/index.js';
import { hashPassword } from '../auth/password.js';
import { isStrongEnough, PASSWORD_RULE_FA } from '../auth/auth.errors.js';
import { endUserSessions } from '../auth/auth.service.js';
import { users } from './staff.table.js';
import { listStaffRows, staffSearchText } from './staff.repository.js';
import type { StaffListQuery } from './staff.contract.js';

type StaffInput = {
  username?: string | undefined; firstName?: string | undefined; lastName?: string | undefined;
  mobile?: string | null | undefined; email?: string | null | undefined; personnelCode?: string | null | undefined;
  jobPositionId?: string | null | undefined; managerId?: string | null | undefined; unitId?: string | null | undefined;
  roleIds?: string[] | undefined; groupIds?: string[] | undefined; password?: string | undefined;
};

export async function listStaff(ctx: Ctx, q: StaffListQuery, ids?: string[]) {
  return inTenant(ctx.db, ctx, async (tx) => listStaffRows(tx, ctx.tenantId, q, await ownerScopeCondition(tx, ctx, 'staff.view', users.id), ids));
}

export async function getStaff(ctx: Ctx, id: string) {
  const page = await listStaff(ctx, { sort: '-createdAt', limit: 1 }, [id]);
  if (!page.items[0]) throw notFound('کارمند');
  return page.items[0];
}

/** Unique per tenant; the message names who already has the value. */
async function assertUnique(tx: Tx, ctx: Ctx, input: StaffInput, selfId: string | null) {
  const checks = [
    input.username ? { field: 'username', cond: sql`lower(${users.username}) = ${input.username.toLowerCase()}`, label: 'نام کاربری' } : null,
    input.mobile ? { field: 'mobile', cond: eq(users.mobile, input.mobile), label: 'شماره موبایل' } : null,
    input.personnelCode ? { field: 'personnelCode', cond: eq(users.personnelCode, input.personnelCode), label: 'کد پرسنلی' } : null,
  ].filter((c): c is NonNullable<typeof c> => !!c);
  if (!checks.length) return;
  const rows = await tx
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, username: users.username, mobile: users.mobile, personnelCode: users.personnelCode })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), selfId ? ne(users.id, selfId) : undefined, or(...checks.map((c) => c.cond))));
  for (const c of checks) {
    const other = rows.find((r) =>
      c.field === 'username' ? r.username.toLowerCase() === input.username!.toLowerCase() : c.field === 'mobile' ? r.mobile === input.mobile : r.personnelCode === input.personnelCode);
    if (other) throw fieldError(c.field, `این ${c.label} برای «${other.firstName} ${other.lastName}» ثبت شده است`, 'duplicate');
  }
}

async function assertReferences(tx: Tx, ctx: Ctx, input: StaffInput, selfId: string | null) {
  if (input.jobPositionId) {
    const [p] = await tx.select({ id: jobPositions.id }).from(jobPositions).where(and(eq(jobPositions.tenantId, ctx.tenantId), eq(jobPositions.id, input.jobPositionId)));
    if (!p) throw fieldError('jobPositionId', 'سمت انتخاب‌شده پیدا نشد');
  }
  if (input.unitId) {
    const [u] = await tx.select({ id: units.id }).from(units).where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, input.unitId)));
    if (!u) throw fieldError('unitId', 'واحد سازمانی انتخاب‌شده پیدا نشد');
  }
  if (input.managerId) {
    if (input.managerId === selfId) throw fieldError('managerId', 'هیچ‌کس مدیر خودش نیست');
    const [m] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, input.managerId)));
    if (!m) throw fieldError('managerId', 'مدیر انتخاب‌شده پیدا نشد');
  }
}

export async function createStaff(ctx: Ctx, input: StaffInput & { username: string; firstName: string; lastName: string; password: string }) {
  if (!isStrongEnough(input.password)) throw fieldError('password', PASSWORD_RULE_FA);
  const passwordHash = await hashPassword(input.password);
  const id = await inTenant(ctx.db, ctx, async (tx) => {
    await assertUnique(tx, ctx, input, null);
    await assertReferences(tx, ctx, input, null);
    const [row] = await tx
      .insert(users)
      .values({
        tenantId: ctx.tenantId, username: input.username, firstName: input.firstName, lastName: input.lastName,
        mobile: input.mobile ?? null, email: input.email ?? null, personnelCode: input.personnelCode ?? null,
        jobPositionId: input.jobPositionId ?? null, managerId: input.managerId ?? null, unitId: input.unitId ?? null,
        passwordHash, searchText: staffSearchText(input), createdAt: ctx.now(), updatedAt: ctx.now(),
      })
      .returning();
    const memberships = await setUserMemberships(tx, ctx, row!.id, { roleIds: input.roleIds ?? [], groupIds: input.groupIds ?? [] });
    await recordAudit(tx, ctx, { entity: 'staff', entityId: row!.id, action: 'create', after: { ...row!, ...memberships } });
    return row!.id;
  });
  return getStaff(ctx, id);
}

export async function updateStaff(ctx: Ctx, id: string, input: StaffInput) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const scope = await ownerScopeCondition(tx, ctx, 'staff.edit', users.id);
    const [before] = await tx.select().from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, id), scope));
    if (!before) throw notFound('کارمند');
    await assertUnique(tx, ctx, input, id);
    await assertReferences(tx, ctx, input, id);
    const { roleIds, groupIds, password: _ignored, ...fields } = input;
    const merged = { ...before, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
    const [after] = await tx
      .update(users)
      .set({ ...fields, searchText: staffSearchText(merged), updatedAt: ctx.now(), version: before.version + 1 })
      .where(eq(users.id, id))
      .returning();
    const memberships = roleIds || groupIds ? await setUserMemberships(tx, ctx, id, { roleIds, groupIds }) : null;
    await recordAudit(tx, ctx, { entity: 'staff', entityId: id, action: 'update', before, after: { ...after!, ...(memberships ?? {}) } });
  });
  return getStaff(ctx, id);
}

/** Deactivation ends every session of that person at once. */
export async function setStaffActive(ctx: Ctx, id: string, active: boolean) {
  if (!active && id === ctx.userId) throw new AppError('bad_request', { detail: 'نمی‌توانید حساب خودتان را غیرفعال کنید.' });
  await inTenant(ctx.db, ctx, async (tx) => {
    const scope = await ownerScopeCondition(tx, ctx, 'staff.edit', users.id);
    const [before] = await tx.select().from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, id), scope));
    if (!before) throw notFound('کارمند');
    const [after] = await tx.update(users).set({ active, updatedAt: ctx.now() }).where(eq(users.id, id)).returning();
    if (!active) await endUserSessions(tx, ctx.tenantId, id);
    await recordAudit(tx, ctx, { entity: 'staff', entityId: id, action: 'update', before, after: after! });
  });
  return getStaff(ctx, id);
}

export async function setStaffImage(ctx: Ctx, id: string, kind: 'photo' | 'signature', file: { buffer: Buffer; filename: string }) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const scope = await ownerScopeCondition(tx, ctx, 'staff.edit', users.id);
    const [before] = await tx.select().from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, id), scope));
    if (!before) throw notFound('کارمند');
    const stored = await saveFile(tx, ctx, { ...file, accept: ACCEPT.image, ownerEntity: 'staff', ownerId: id });
    const set = kind === 'photo' ? { photoFileId: stored.id } : { signatureFileId: stored.id };
    const [after] = await tx.update(users).set({ ...set, updatedAt: ctx.now() }).where(eq(users.id, id)).returning();
    await recordAudit(tx, ctx, { entity: 'staff', entityId: id, action: 'update', before, after: after! });
  });
  return getStaff(ctx, id);
}

/** A staff photo or signature is visible to whoever may see that staff member. */
export async function canSeeStaff(ctx: Ctx, id: string): Promise<boolean> {
  if (id === ctx.userId) return true;
  try {
    return await inTenant(ctx.db, ctx, async (tx) => {
      const scope = await ownerScopeCondition(tx, ctx, 'staff.view', users.id);
      const [row] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, id), scope));
      return !!row;
    });
  } catch {
    return false;
  }
}

export async function staffNames(ctx: Ctx, ids: string[], within?: Tx) {
  if (!ids.length) return new Map<string, string>();
  const read = (tx: Tx) => tx.select({ id: users.id, f: users.firstName, l: users.lastName }).from(users).where(and(eq(users.tenantId, ctx.tenantId), inArray(users.id, ids)));
  const rows = await (within ? read(within) : inTenant(ctx.db, ctx, read));
  return new Map(rows.map((r) => [r.id, `${r.f} ${r.l}`]));
}

/** Pages of the filtered list for export; the same filters and scope as the screen. */
export async function* staffExportPages(ctx: Ctx, q: Omit<StaffListQuery, 'limit' | 'cursor'>, ids?: string[]) {
  let cursor: string | undefined;
  do {
    const page = await listStaff(ctx, { ...q, limit: 500, cursor }, ids);
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
