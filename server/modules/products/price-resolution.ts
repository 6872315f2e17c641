// resolvePrice: the price of a product (variant) for a channel, a user's roles and a date — the rule
// of docs/products.md; the ranking itself is pure (domain/price-rank.ts).
import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { PriceOut } from '../../../common/contracts/price-lists.contract.js';
import { isoDateInTehran } from '../../../common/jalali.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { fieldError, notFound } from '../../platform/http/app-error.js';
import { userRoles } from '../access/index.js';
import { priceListItems, priceLists } from './price-lists.table.js';
import { productVariants, products } from './products.table.js';
import { explainWinner, rankCandidates, specificityOf, type PriceCandidate } from './domain/price-rank.js';

export type PriceRequest = {
  productId: string;
  /** Default: the product's default variant. */
  variantId?: string | undefined;
  /** Sales channel (lookup `salesChannel`); without it only lists for every channel apply. */
  channelId?: string | undefined;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  /** Whose roles count; without it only lists for every role apply. */
  userId?: string | null | undefined;
};

/** Runs in the caller's transaction, so a sales document prices its lines with the rows it locks. */
export async function resolvePrice(tx: Tx, tenantId: string, req: PriceRequest): Promise<PriceOut> {
  const [product] = await tx.select({ id: products.id, basePrice: products.basePrice, deletedAt: products.deletedAt }).from(products)
    .where(and(eq(products.tenantId, tenantId), eq(products.id, req.productId)));
  if (!product || product.deletedAt) throw notFound('کالا');
  const [variant] = await tx.select({ id: productVariants.id }).from(productVariants).where(and(
    eq(productVariants.tenantId, tenantId), eq(productVariants.productId, req.productId),
    req.variantId ? eq(productVariants.id, req.variantId) : eq(productVariants.isDefault, true),
  ));
  if (!variant) throw fieldError('variantId', 'تنوع انتخاب‌شده از این کالا نیست');
  const roleIds = req.userId
    ? (await tx.select({ id: userRoles.roleId }).from(userRoles).where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.userId, req.userId)))).map((r) => r.id)
    : [];
  const rows = await tx
    .select({
      priceListId: priceLists.id, name: priceLists.name, channelId: priceLists.channelId, roleId: priceLists.roleId, priority: priceLists.priority,
      validFrom: priceLists.validFrom, itemId: priceListItems.id, price: priceListItems.price, itemVariantId: priceListItems.variantId,
    })
    .from(priceListItems)
    .innerJoin(priceLists, eq(priceLists.id, priceListItems.priceListId))
    .where(and(
      eq(priceListItems.tenantId, tenantId), eq(priceListItems.productId, req.productId),
      or(isNull(priceListItems.variantId), eq(priceListItems.variantId, variant.id)),
      eq(priceLists.active, true),
      or(isNull(priceLists.validFrom), lte(priceLists.validFrom, req.date)),
      or(isNull(priceLists.validTo), gte(priceLists.validTo, req.date)),
      req.channelId ? or(isNull(priceLists.channelId), eq(priceLists.channelId, req.channelId)) : isNull(priceLists.channelId),
      roleIds.length ? or(isNull(priceLists.roleId), inArray(priceLists.roleId, roleIds)) : isNull(priceLists.roleId),
    ));
  const ranked = rankCandidates(rows.map((r): PriceCandidate => ({
    priceListId: r.priceListId, name: r.name, itemId: r.itemId, price: r.price, channelId: r.channelId, roleId: r.roleId,
    variantItem: r.itemVariantId !== null, priority: r.priority, validFrom: r.validFrom,
  })));
  const candidates = ranked.map((c) => ({
    priceListId: c.priceListId, name: c.name, price: c.price.toString(), specificity: specificityOf(c), variantItem: c.variantItem, priority: c.priority, validFrom: c.validFrom,
  }));
  const base = { productId: req.productId, variantId: variant.id, date: req.date, candidates };
  const winner = ranked[0];
  if (winner) {
    return { ...base, price: winner.price.toString(), source: 'priceList', priceList: { id: winner.priceListId, name: winner.name, itemId: winner.itemId }, reason: explainWinner(ranked) };
  }
  if (product.basePrice !== null) {
    return { ...base, price: product.basePrice.toString(), source: 'basePrice', priceList: null, reason: 'هیچ لیست قیمت معتبری برای این کالا نبود؛ قیمت پایه کالا به کار رفت.' };
  }
  return { ...base, price: null, source: 'none', priceList: null, reason: 'نه لیست قیمت معتبری هست و نه قیمت پایه‌ای برای کالا ثبت شده است.' };
}

/** GET /api/products/:id/price — the caller's roles unless another user is named. */
export async function priceForRequest(ctx: Ctx, productId: string, q: { channel?: string | undefined; date?: string | null | undefined; variantId?: string | undefined; userId?: string | undefined }) {
  return inTenant(ctx.db, ctx, (tx) => resolvePrice(tx, ctx.tenantId, {
    productId, variantId: q.variantId, channelId: q.channel, date: q.date ?? isoDateInTehran(ctx.now()), userId: q.userId ?? ctx.userId,
  }));
}

