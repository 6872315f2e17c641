// Variants (تنوع): one per combination of attribute values, each with its own code and barcode.
import { and, eq, ne } from 'drizzle-orm';
import type { VariantInput, VariantPatch } from '../../../common/contracts/products.contract.js';
import { normalizePersian } from '../../../common/text.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant, pgCode } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { productAttributes, productVariants } from './products.table.js';
import { assertUniqueCodes } from './product-rules.js';
import { defined } from './defined.js';
import { loadProduct, refreshSearchText, variantsOf } from './products.service.js';

const FIELDS = { code: 'code', barcode: 'barcode' };
const comboKey = (a: Record<string, string>) => JSON.stringify(Object.entries(a).sort(([x], [y]) => x.localeCompare(y)));

/** Attribute names must be defined in Settings and values among their allowed values; stored normalized. */
async function checkAttributes(tx: Tx, tenantId: string, raw: Record<string, string>) {
  const attrs: Record<string, string> = Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [normalizePersian(k), normalizePersian(v)] as const).filter(([k, v]) => k && v),
  );
  if (!Object.keys(attrs).length) throw fieldError('attributes', 'برای تنوع کالا دست‌کم یک مشخصه (مثل رنگ یا سایز) لازم است');
  const defined = await tx.select().from(productAttributes).where(eq(productAttributes.tenantId, tenantId));
  for (const [name, value] of Object.entries(attrs)) {
    const def = defined.find((d) => d.name === name);
    if (!def) throw fieldError(`attributes.${name}`, `مشخصه «${name}» در تنظیمات تعریف نشده است`);
    if (def.values.length && !def.values.includes(value)) throw fieldError(`attributes.${name}`, `«${value}» از مقادیر مجاز مشخصه «${name}» نیست`);
  }
  return attrs;
}

async function assertNewCombination(tx: Tx, tenantId: string, productId: string, attrs: Record<string, string>, selfId?: string) {
  const others = await tx.select({ code: productVariants.code, attributes: productVariants.attributes }).from(productVariants)
    .where(and(eq(productVariants.tenantId, tenantId), eq(productVariants.productId, productId), selfId ? ne(productVariants.id, selfId) : undefined));
  const same = others.find((o) => comboKey(o.attributes) === comboKey(attrs));
  if (same) throw fieldError('attributes', `تنوعی با همین مشخصه‌ها (کد ${same.code}) برای این کالا وجود دارد`, 'duplicate');
}

export async function addVariant(ctx: Ctx, productId: string, input: VariantInput) {
  const id = await inTenant(ctx.db, ctx, async (tx) => {
    const product = await loadProduct(tx, ctx.tenantId, productId);
    const attributes = await checkAttributes(tx, ctx.tenantId, input.attributes);
    await assertNewCombination(tx, ctx.tenantId, productId, attributes);
    let code = input.code;
    if (!code) {
      const count = (await variantsOf(tx, ctx.tenantId, productId)).length;
      for (let n = count; ; n++) {
        code = `${product.code}-${n}`;
        const [taken] = await tx.select({ id: productVariants.id }).from(productVariants).where(and(eq(productVariants.tenantId, ctx.tenantId), eq(productVariants.code, code)));
        if (!taken) break;
      }
    }
    await assertUniqueCodes(tx, ctx.tenantId, { code, barcode: input.barcode }, { fields: FIELDS });
    const [row] = await tx.insert(productVariants).values({
      tenantId: ctx.tenantId, productId, code, barcode: input.barcode ?? null, attributes, isDefault: false, active: input.active ?? true, createdAt: ctx.now(),
    }).returning();
    await refreshSearchText(tx, ctx.tenantId, productId);
    await recordAudit(tx, ctx, { entity: 'productVariant', entityId: row!.id, action: 'create', after: row! });
    return row!.id;
  });
  return getVariant(ctx, productId, id);
}

async function loadVariant(tx: Tx, tenantId: string, productId: string, id: string) {
  await loadProduct(tx, tenantId, productId);
  const [v] = await tx.select().from(productVariants).where(and(eq(productVariants.tenantId, tenantId), eq(productVariants.productId, productId), eq(productVariants.id, id)));
  if (!v) throw notFound('تنوع کالا');
  return v;
}

async function getVariant(ctx: Ctx, productId: string, id: string) {
  const all = await inTenant(ctx.db, ctx, (tx) => variantsOf(tx, ctx.tenantId, productId));
  return all.find((v) => v.id === id)!;
}

export async function updateVariant(ctx: Ctx, productId: string, id: string, patch: VariantPatch) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadVariant(tx, ctx.tenantId, productId, id);
    if (before.isDefault) throw new AppError('bad_request', { detail: 'تنوع پیش‌فرض با خود کالا ویرایش می‌شود.' });
    const attributes = patch.attributes ? await checkAttributes(tx, ctx.tenantId, patch.attributes) : undefined;
    if (attributes) await assertNewCombination(tx, ctx.tenantId, productId, attributes, id);
    await assertUniqueCodes(tx, ctx.tenantId, { code: patch.code, barcode: patch.barcode }, { variantId: id, fields: FIELDS });
    const changes = defined({ code: patch.code ?? undefined, barcode: patch.barcode, attributes, active: patch.active });
    const [after] = Object.keys(changes).length ? await tx.update(productVariants).set(changes).where(eq(productVariants.id, id)).returning() : [before];
    await refreshSearchText(tx, ctx.tenantId, productId);
    await recordAudit(tx, ctx, { entity: 'productVariant', entityId: id, action: 'update', before, after: after! });
  });
  return getVariant(ctx, productId, id);
}

/** Removes a variant nothing refers to yet; one with stock or prices is deactivated instead. */
export async function deleteVariant(ctx: Ctx, productId: string, id: string) {
  try {
    await inTenant(ctx.db, ctx, async (tx) => {
      const before = await loadVariant(tx, ctx.tenantId, productId, id);
      if (before.isDefault) throw new AppError('bad_request', { detail: 'تنوع پیش‌فرض کالا حذف نمی‌شود.' });
      await tx.delete(productVariants).where(eq(productVariants.id, id));
      await refreshSearchText(tx, ctx.tenantId, productId);
      await recordAudit(tx, ctx, { entity: 'productVariant', entityId: id, action: 'delete', before });
    });
  } catch (err) {
    if (pgCode(err) === '23503') throw new AppError('in_use', { detail: 'این تنوع در موجودی یا لیست قیمت استفاده شده است؛ به جای حذف، آن را غیرفعال کنید.' });
    throw err;
  }
}
