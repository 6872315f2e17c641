// Tax classes (VAT + municipal toll) with rates by date: the rate is data, never a constant.
import { and, asc, desc, eq, inArray, lte, ne } from 'drizzle-orm';
import type { TaxClassInput } from '../../../common/contracts/products.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { products, taxClasses, taxClassRates } from './products.table.js';
import { defined } from './defined.js';

type Rate = { effectiveFrom: string; vatRate: string; tollRate: string };

async function ratesOf(tx: Tx, tenantId: string, ids: string[]) {
  const rows = ids.length
    ? await tx.select().from(taxClassRates).where(and(eq(taxClassRates.tenantId, tenantId), inArray(taxClassRates.taxClassId, ids))).orderBy(asc(taxClassRates.effectiveFrom))
    : [];
  const out = new Map<string, Rate[]>();
  for (const r of rows) out.set(r.taxClassId, [...(out.get(r.taxClassId) ?? []), { effectiveFrom: r.effectiveFrom, vatRate: r.vatRate, tollRate: r.tollRate }]);
  return out;
}

export async function listTaxClasses(ctx: Ctx) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const rows = await tx.select().from(taxClasses).where(eq(taxClasses.tenantId, ctx.tenantId)).orderBy(asc(taxClasses.name));
    const rates = await ratesOf(tx, ctx.tenantId, rows.map((r) => r.id));
    return rows.map((r) => ({ id: r.id, name: r.name, exempt: r.exempt, active: r.active, rates: rates.get(r.id) ?? [] }));
  });
}

function checkRates(rates: Rate[] | undefined) {
  if (!rates) return;
  const seen = new Set<string>();
  for (const [i, r] of rates.entries()) {
    if (seen.has(r.effectiveFrom)) throw fieldError(`rates.${i}.effectiveFrom`, 'برای یک تاریخ فقط یک نرخ می‌توان داشت');
    seen.add(r.effectiveFrom);
  }
}

/** Inserts a class with its rates inside the caller's transaction (also used to seed new companies). */
export async function insertTaxClass(tx: Tx, tenantId: string, input: TaxClassInput, now: Date) {
  const [row] = await tx.insert(taxClasses).values({ tenantId, name: input.name, exempt: input.exempt ?? false, active: input.active ?? true, createdAt: now }).returning();
  if (input.rates?.length) await tx.insert(taxClassRates).values(input.rates.map((r) => ({ tenantId, taxClassId: row!.id, ...r })));
  return row!;
}

export async function saveTaxClass(ctx: Ctx, id: string | null, input: Partial<TaxClassInput>) {
  checkRates(input.rates);
  const out = await inTenant(ctx.db, ctx, async (tx) => {
    if (input.name !== undefined) {
      const [dup] = await tx.select({ id: taxClasses.id }).from(taxClasses)
        .where(and(eq(taxClasses.tenantId, ctx.tenantId), eq(taxClasses.name, input.name), id ? ne(taxClasses.id, id) : undefined));
      if (dup) throw fieldError('name', `طبقه مالیاتی «${input.name}» از قبل تعریف شده است`, 'duplicate');
    }
    if (!id) {
      const row = await insertTaxClass(tx, ctx.tenantId, input as TaxClassInput, ctx.now());
      await recordAudit(tx, ctx, { entity: 'taxClass', entityId: row.id, action: 'create', after: { ...row, rates: input.rates ?? [] } });
      return row.id;
    }
    const [before] = await tx.select().from(taxClasses).where(and(eq(taxClasses.tenantId, ctx.tenantId), eq(taxClasses.id, id)));
    if (!before) throw notFound('طبقه مالیاتی');
    const beforeRates = (await ratesOf(tx, ctx.tenantId, [id])).get(id) ?? [];
    const changes = defined({ name: input.name, exempt: input.exempt, active: input.active });
    const [after] = Object.keys(changes).length ? await tx.update(taxClasses).set(changes).where(eq(taxClasses.id, id)).returning() : [before];
    if (input.rates) {
      await tx.delete(taxClassRates).where(and(eq(taxClassRates.tenantId, ctx.tenantId), eq(taxClassRates.taxClassId, id)));
      if (input.rates.length) await tx.insert(taxClassRates).values(input.rates.map((r) => ({ tenantId: ctx.tenantId, taxClassId: id, ...r })));
    }
    await recordAudit(tx, ctx, { entity: 'taxClass', entityId: id, action: 'update', before: { ...before, rates: beforeRates }, after: { ...after!, rates: input.rates ?? beforeRates } });
    return id;
  });
  return (await listTaxClasses(ctx)).find((c) => c.id === out)!;
}

export async function deleteTaxClass(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const [before] = await tx.select().from(taxClasses).where(and(eq(taxClasses.tenantId, ctx.tenantId), eq(taxClasses.id, id)));
    if (!before) throw notFound('طبقه مالیاتی');
    const [used] = await tx.select({ name: products.name }).from(products).where(and(eq(products.tenantId, ctx.tenantId), eq(products.taxClassId, id))).limit(1);
    if (used) throw new AppError('in_use', { detail: `طبقه مالیاتی «${before.name}» در کالای «${used.name}» استفاده شده است؛ به جای حذف، آن را غیرفعال کنید.` });
    await tx.delete(taxClasses).where(eq(taxClasses.id, id));
    await recordAudit(tx, ctx, { entity: 'taxClass', entityId: id, action: 'delete', before });
  });
}

/** The VAT and toll rates of a class on a date (ISO); exempt classes and missing rates give zero. */
export async function taxRateOn(tx: Tx, tenantId: string, taxClassId: string, date: string): Promise<{ vatRate: string; tollRate: string; exempt: boolean }> {
  const [cls] = await tx.select({ exempt: taxClasses.exempt }).from(taxClasses).where(and(eq(taxClasses.tenantId, tenantId), eq(taxClasses.id, taxClassId)));
  if (!cls || cls.exempt) return { vatRate: '0', tollRate: '0', exempt: Boolean(cls?.exempt) };
  const [r] = await tx.select().from(taxClassRates)
    .where(and(eq(taxClassRates.tenantId, tenantId), eq(taxClassRates.taxClassId, taxClassId), lte(taxClassRates.effectiveFrom, date)))
    .orderBy(desc(taxClassRates.effectiveFrom)).limit(1);
  return { vatRate: r?.vatRate ?? '0', tollRate: r?.tollRate ?? '0', exempt: false };
}
