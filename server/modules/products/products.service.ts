import { and, eq, isNull } from 'drizzle-orm';
import type { ProductCreate, ProductListQuery, ProductPatch } from '../../../common/contracts/products.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { bumpNumber, nextNumber } from '../../platform/sequences/next-number.js';
import { productVariants, products } from './products.table.js';
import { byIds, countProducts, filterConditions, productSearchText, selectProducts } from './products.repository.js';
import { assertReferences, assertUniqueCodes } from './product-rules.js';

export const PRODUCT_CODE_SEQUENCE = 'product.code';

export async function listProducts(ctx: Ctx, q: ProductListQuery, ids?: string[]) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const where = and(filterConditions(ctx.tenantId, q, ctx.userId), ids ? byIds(ids) : undefined);
    const page = await selectProducts(tx, where, q);
    return { ...page, total: q.total === 'true' ? await countProducts(tx, where) : null };
  });
}

/** A product that is not deleted, else 404. */
export async function loadProduct(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx.select().from(products).where(and(eq(products.tenantId, tenantId), eq(products.id, id), isNull(products.deletedAt)));
  if (!row) throw notFound('کالا');
  return row;
}

export async function variantsOf(tx: Tx, tenantId: string, productId: string) {
  const rows = await tx.select().from(productVariants).where(and(eq(productVariants.tenantId, tenantId), eq(productVariants.productId, productId)));
  return rows
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.code.localeCompare(b.code))
    .map((v) => ({ id: v.id, code: v.code, barcode: v.barcode, attributes: v.attributes, isDefault: v.isDefault, active: v.active }));
}

export async function getProduct(ctx: Ctx, id: string) {
  const page = await listProducts(ctx, { sort: '-createdAt', limit: 1 }, [id]);
  const product = page.items[0];
  if (!product) throw notFound('کالا');
  const variants = await inTenant(ctx.db, ctx, (tx) => variantsOf(tx, ctx.tenantId, id));
  return { ...product, variants };
}

/** Search text from the product and all its variants' codes and barcodes. */
export async function refreshSearchText(tx: Tx, tenantId: string, productId: string) {
  const [p] = await tx.select().from(products).where(eq(products.id, productId));
  const vs = await tx.select({ code: productVariants.code, barcode: productVariants.barcode }).from(productVariants)
    .where(and(eq(productVariants.tenantId, tenantId), eq(productVariants.productId, productId), eq(productVariants.isDefault, false)));
  await tx.update(products).set({ searchText: productSearchText(p!, vs.flatMap((v) => [v.code, v.barcode ?? ''])) }).where(eq(products.id, productId));
}

const columns = (input: ProductPatch) => {
  const { version: _v, basePrice, ...rest } = input;
  const v: Record<string, unknown> = { ...rest, basePrice: basePrice === undefined ? undefined : basePrice === null ? null : BigInt(basePrice) };
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as Partial<typeof products.$inferInsert>;
};

/** Inserts a product and its default variant inside the caller's transaction (also used by seeding). */
export async function insertProduct(tx: Tx, ctx: Ctx, input: ProductCreate) {
  const values = columns(input);
  if (values.code) {
    const n = Number(values.code);
    if (Number.isSafeInteger(n)) await bumpNumber(tx, ctx.tenantId, PRODUCT_CODE_SEQUENCE, n);
  } else {
    do values.code = String(await nextNumber(tx, ctx.tenantId, PRODUCT_CODE_SEQUENCE));
    while ((await tx.select({ id: productVariants.id }).from(productVariants).where(and(eq(productVariants.tenantId, ctx.tenantId), eq(productVariants.code, values.code)))).length);
  }
  await assertReferences(tx, ctx.tenantId, values);
  await assertUniqueCodes(tx, ctx.tenantId, values);
  const [row] = await tx.insert(products).values({
    ...(values as typeof products.$inferInsert), tenantId: ctx.tenantId, searchText: productSearchText(values),
    createdBy: ctx.userId, createdAt: ctx.now(), updatedAt: ctx.now(),
  }).returning();
  await tx.insert(productVariants).values({ tenantId: ctx.tenantId, productId: row!.id, code: row!.code, barcode: row!.barcode, isDefault: true, createdAt: ctx.now() });
  await recordAudit(tx, ctx, { entity: 'product', entityId: row!.id, action: 'create', after: row! });
  return row!;
}

export async function createProduct(ctx: Ctx, input: ProductCreate) {
  const row = await inTenant(ctx.db, ctx, (tx) => insertProduct(tx, ctx, input));
  return getProduct(ctx, row.id);
}

export async function updateProduct(ctx: Ctx, id: string, patch: ProductPatch) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadProduct(tx, ctx.tenantId, id);
    if (patch.version !== undefined && patch.version !== before.version) throw new AppError('conflict');
    const values = columns(patch);
    // Without a second unit its usual ratio means nothing.
    if (patch.secondUnitId === null) values.secondUnitRatio = null;
    if (values.code === null) delete values.code; // a code can be changed, never cleared
    await assertReferences(tx, ctx.tenantId, values, before);
    await assertUniqueCodes(tx, ctx.tenantId, { code: values.code, barcode: values.barcode }, { productId: id });
    const [after] = await tx.update(products)
      .set({ ...values, version: before.version + 1, updatedAt: ctx.now() })
      .where(eq(products.id, id)).returning();
    if (after!.code !== before.code || after!.barcode !== before.barcode) {
      await tx.update(productVariants).set({ code: after!.code, barcode: after!.barcode })
        .where(and(eq(productVariants.tenantId, ctx.tenantId), eq(productVariants.productId, id), eq(productVariants.isDefault, true)));
    }
    await refreshSearchText(tx, ctx.tenantId, id);
    await recordAudit(tx, ctx, { entity: 'product', entityId: id, action: 'update', before, after: after! });
  });
  return getProduct(ctx, id);
}

/** Soft delete: the product disappears from lists and new documents refuse it; history keeps pointing at it. */
export async function deleteProduct(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadProduct(tx, ctx.tenantId, id);
    await tx.update(products).set({ deletedAt: ctx.now(), active: false, updatedAt: ctx.now(), version: before.version + 1 }).where(eq(products.id, id));
    await recordAudit(tx, ctx, { entity: 'product', entityId: id, action: 'delete', before });
  });
}
