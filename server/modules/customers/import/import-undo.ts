// Undo of a finished import, in ONE transaction: customers it created are deleted (also when edited
// since — the edit stays in their audit history), customers it overwrote or merged get back the state
// recorded just before the import changed them. Rows are undone newest first, so a customer the file
// changed twice ends at its state before the first change.
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/types.js';
import { inTenant, pgCode } from '../../../platform/db/transactions.js';
import { AppError } from '../../../platform/http/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { replaceAddresses } from '../customer-children.js';
import { customerImportRows, customerImports } from '../customer-imports.table.js';
import { customers } from '../customers.table.js';
import type { BeforeSnapshot } from './batch-writer.js';
import { importInScope, toImportOut } from './import.service.js';

type CustomerRow = typeof customers.$inferSelect;
const CHUNK = 500;
// Bookkeeping columns keep their current value; everything else returns to the snapshot.
const NOT_RESTORED = new Set(['id', 'tenantId', 'createdBy', 'createdAt', 'updatedAt', 'version']);

function restorable(snapshot: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(snapshot).filter(([k]) => !NOT_RESTORED.has(k))) as Partial<typeof customers.$inferInsert>;
}

async function undoRows(tx: Tx, ctx: Ctx, importId: string) {
  const totals = { removed: 0, restored: 0, missing: 0 };
  let before = 2_147_483_647; // row_number is an integer column
  for (;;) {
    const rows = await tx
      .select()
      .from(customerImportRows)
      .where(and(
        eq(customerImportRows.tenantId, ctx.tenantId), eq(customerImportRows.importId, importId),
        inArray(customerImportRows.outcome, ['created', 'overwritten', 'merged']), lt(customerImportRows.rowNumber, before),
      ))
      .orderBy(desc(customerImportRows.rowNumber))
      .limit(CHUNK);
    if (!rows.length) return totals;
    before = rows.at(-1)!.rowNumber;
    const ids = [...new Set(rows.map((r) => r.customerId!))];
    const found = await tx.select().from(customers).where(and(eq(customers.tenantId, ctx.tenantId), inArray(customers.id, ids)));
    const current = new Map<string, CustomerRow>(found.map((c) => [c.id, c]));
    for (const r of rows) {
      const cur = current.get(r.customerId!);
      if (!cur) {
        totals.missing++;
        continue;
      }
      if (r.outcome === 'created') {
        await tx.delete(customers).where(eq(customers.id, cur.id));
        await recordAudit(tx, ctx, { entity: 'customer', entityId: cur.id, action: 'delete', before: cur });
        current.delete(cur.id);
        totals.removed++;
        continue;
      }
      const snap = r.before as BeforeSnapshot;
      const [after] = await tx
        .update(customers)
        .set({ ...restorable(snap.customer), version: cur.version + 1, updatedAt: ctx.now() })
        .where(eq(customers.id, cur.id))
        .returning();
      if (snap.addresses) await replaceAddresses(tx, ctx, cur.id, snap.addresses);
      await recordAudit(tx, ctx, { entity: 'customer', entityId: cur.id, action: 'update', before: cur, after: after! });
      current.set(cur.id, after!);
      totals.restored++;
    }
  }
}

export async function undoImport(ctx: Ctx, id: string) {
  try {
    return await inTenant(ctx.db, ctx, async (tx) => {
      const imp = await importInScope(tx, ctx, id, true);
      if (imp.status === 'undone') throw new AppError('conflict', { detail: 'این ورود قبلاً برگردانده شده است.' });
      if (imp.status !== 'done' && imp.status !== 'failed') {
        throw new AppError('conflict', { detail: 'این ورود هنوز تمام نشده است؛ پس از پایان آن می‌توانید برش گردانید.' });
      }
      const totals = await undoRows(tx, ctx, id);
      const [row] = await tx.update(customerImports).set({ status: 'undone' }).where(eq(customerImports.id, id)).returning();
      await recordAudit(tx, ctx, { entity: 'customerImport', entityId: id, action: 'update', before: { status: imp.status }, after: { status: 'undone', ...totals } });
      return { ...toImportOut(row!), ...totals };
    });
  } catch (err) {
    if (pgCode(err) === '23503') {
      throw new AppError('in_use', { detail: 'برخی از مشتریانی که این ورود ساخته در جای دیگری به کار رفته‌اند؛ برگرداندن انجام نشد و چیزی تغییر نکرد.' });
    }
    if (pgCode(err) === '23505') {
      throw new AppError('conflict', { detail: 'برگرداندن انجام نشد: شناسه‌ای که باید برگردد اکنون برای مشتری دیگری ثبت شده است؛ چیزی تغییر نکرد.' });
    }
    throw err;
  }
}
