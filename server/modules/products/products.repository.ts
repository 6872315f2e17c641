import { qtyFromDb, qtyToString } from '../../../common/quantity.js';
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ProductFilters, ProductOut } from '../../../common/contracts/products.contract.js';
import { searchNormalize } from '../../../common/text.js';
import type { Tx } from '../../platform/db/types.js';
import { afterCursor, encodeCursor } from '../../platform/http/keyset.js';
import { lookupValues } from '../settings/lookups.table.js';
import { productCategories, productUnits, productVariants, products, salesCategoryLimits, taxClasses } from './products.table.js';

const secondUnit = alias(productUnits, 'second_unit');
const brand = alias(lookupValues, 'brand');

type Row = typeof products.$inferSelect;

/** Everything the search box matches: name, code, barcode, description, color and the variants' codes and barcodes. */
export function productSearchText(p: Partial<Row>, variantCodes: string[] = []): string {
  return searchNormalize([p.name, p.code, p.barcode, p.description, p.color, ...variantCodes].filter(Boolean).join(' '));
}

/** Each word must appear (in any order), so «پیچ ۱۰» finds «پیچ گوشتی سایز ۱۰». */
export function searchCondition(q: string | undefined): SQL | undefined {
  const words = q ? searchNormalize(q).split(' ').filter(Boolean).slice(0, 8) : [];
  if (!words.length) return undefined;
  return and(...words.map((w) => sql`${products.searchText} like ${'%' + w.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`));
}

/** Products in the category or any category below it. */
export const inCategorySubtree = (tenantId: string, categoryId: string) => sql`${products.categoryId} in (
  select c.id from ${productCategories} c
  where c.tenant_id = ${tenantId} and c.path like (select p.path from ${productCategories} p where p.id = ${categoryId} and p.tenant_id = ${tenantId}) || '%')`;

/**
 * What a user may sell under sales category limits: everything when the user has no limits, else
 * products whose category lies in one of the limited branches (uncategorized products are out).
 */
export const sellableBy = (tenantId: string, userId: string) => sql`(
  not exists (select 1 from ${salesCategoryLimits} l where l.tenant_id = ${tenantId} and l.user_id = ${userId})
  or ${products.categoryId} in (
    select c.id from ${productCategories} c join ${salesCategoryLimits} l on l.tenant_id = c.tenant_id and l.user_id = ${userId}
    join ${productCategories} lc on lc.id = l.category_id
    where c.tenant_id = ${tenantId} and c.path like lc.path || '%'))`;

const SORTS = { createdAt: products.createdAt, updatedAt: products.updatedAt, name: products.name, code: products.code } as const;

export function filterConditions(tenantId: string, q: Omit<ProductFilters, 'sort'>, userId: string | null): SQL | undefined {
  return and(
    eq(products.tenantId, tenantId),
    isNull(products.deletedAt),
    searchCondition(q.q),
    q.categoryId ? inCategorySubtree(tenantId, q.categoryId) : undefined,
    q.brandId ? eq(products.brandId, q.brandId) : undefined,
    q.kind ? eq(products.kind, q.kind) : undefined,
    q.active ? eq(products.active, q.active === 'true') : undefined,
    q.sellableOnly === 'true' && userId ? sellableBy(tenantId, userId) : undefined,
  );
}

export async function selectProducts(tx: Tx, where: SQL | undefined, opts: { sort: string; limit: number; cursor?: string | undefined }) {
  const descending = opts.sort.startsWith('-');
  const sortExpr = SORTS[opts.sort.replace('-', '') as keyof typeof SORTS];
  const rows = await tx
    .select({
      p: products,
      sortValue: sql<unknown>`${sortExpr}`,
      categoryName: productCategories.name,
      brandName: brand.name,
      unitName: productUnits.name,
      unitDecimals: productUnits.decimals,
      secondUnitName: secondUnit.name,
      taxClassName: taxClasses.name,
      variantCount: sql<number>`(select count(*)::int from ${productVariants} v where v.product_id = ${products.id} and not v.is_default)`,
    })
    .from(products)
    .innerJoin(productUnits, eq(productUnits.id, products.unitId))
    .leftJoin(secondUnit, eq(secondUnit.id, products.secondUnitId))
    .leftJoin(productCategories, eq(productCategories.id, products.categoryId))
    .leftJoin(brand, eq(brand.id, products.brandId))
    .leftJoin(taxClasses, eq(taxClasses.id, products.taxClassId))
    .where(and(where, afterCursor(sortExpr, products.id, descending, opts.cursor)))
    .orderBy(descending ? desc(sortExpr) : asc(sortExpr), descending ? desc(products.id) : asc(products.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toProductOut(r.p, r)),
    nextCursor: rows.length > opts.limit && last ? encodeCursor(last.sortValue, last.p.id) : null,
  };
}

export async function countProducts(tx: Tx, where: SQL | undefined) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(products).where(where);
  return Number(r?.n ?? 0);
}

export const byIds = (ids: string[]) => inArray(products.id, ids);

type Names = {
  categoryName: string | null; brandName: string | null; unitName: string; unitDecimals: number;
  secondUnitName: string | null; taxClassName: string | null; variantCount: number;
};

export function toProductOut(p: Row, n: Names): ProductOut {
  return {
    id: p.id, code: p.code, name: p.name, description: p.description, kind: p.kind, categoryId: p.categoryId, categoryName: n.categoryName,
    brandId: p.brandId, brandName: n.brandName, color: p.color, unitId: p.unitId, unitName: n.unitName, unitDecimals: n.unitDecimals,
    secondUnitId: p.secondUnitId, secondUnitName: n.secondUnitName, secondUnitRatio: p.secondUnitRatio === null ? null : qtyToString(qtyFromDb(p.secondUnitRatio)), barcode: p.barcode, taxClassId: p.taxClassId, taxClassName: n.taxClassName,
    basePrice: p.basePrice === null ? null : p.basePrice.toString(), active: p.active, showStockToSales: p.showStockToSales,
    allowNegativeStock: p.allowNegativeStock, variantCount: Number(n.variantCount),
    imageFileId: p.imageFileId, imageUrl: p.imageFileId ? `/api/files/${p.imageFileId}` : null, version: p.version, createdAt: p.createdAt, updatedAt: p.updatedAt,
  };
}
