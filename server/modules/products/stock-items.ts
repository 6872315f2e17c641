import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../platform/db/types.js';
import { productUnits, productVariants, products } from './products.table.js';

/** What the stock ledger needs to know about a variant it moves. */
export type StockItem = {
  productId: string;
  variantId: string;
  productCode: string;
  variantCode: string;
  name: string;
  attributes: Record<string, string>;
  kind: 'goods' | 'service';
  active: boolean;
  deleted: boolean;
  allowNegativeStock: boolean;
  unitName: string;
  unitDecimals: number;
  secondUnitName: string | null;
  secondUnitDecimals: number | null;
};

const secondUnit = alias(productUnits, 'second_unit');

/** Stock facts of the given variants (missing ids are simply absent from the map). */
export async function loadStockItems(tx: Tx, tenantId: string, variantIds: string[]): Promise<Map<string, StockItem>> {
  const out = new Map<string, StockItem>();
  if (variantIds.length === 0) return out;
  const rows = await tx
    .select({
      productId: products.id,
      variantId: productVariants.id,
      productCode: products.code,
      variantCode: productVariants.code,
      name: products.name,
      attributes: productVariants.attributes,
      kind: products.kind,
      productActive: products.active,
      variantActive: productVariants.active,
      deletedAt: products.deletedAt,
      allowNegativeStock: products.allowNegativeStock,
      unitName: productUnits.name,
      unitDecimals: productUnits.decimals,
      secondUnitName: secondUnit.name,
      secondUnitDecimals: secondUnit.decimals,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .innerJoin(productUnits, eq(productUnits.id, products.unitId))
    .leftJoin(secondUnit, eq(secondUnit.id, products.secondUnitId))
    .where(and(eq(productVariants.tenantId, tenantId), inArray(productVariants.id, [...new Set(variantIds)])));
  for (const r of rows) {
    out.set(r.variantId, {
      productId: r.productId,
      variantId: r.variantId,
      productCode: r.productCode,
      variantCode: r.variantCode,
      name: r.name,
      attributes: r.attributes,
      kind: r.kind,
      active: r.productActive && r.variantActive,
      deleted: r.deletedAt !== null,
      allowNegativeStock: r.allowNegativeStock,
      unitName: r.unitName,
      unitDecimals: r.unitDecimals,
      secondUnitName: r.secondUnitName,
      secondUnitDecimals: r.secondUnitDecimals,
    });
  }
  return out;
}

/** Each product's default variant, for callers that name a product without a variant. */
export async function defaultVariantIds(tx: Tx, tenantId: string, productIds: string[]): Promise<Map<string, string>> {
  if (productIds.length === 0) return new Map();
  const rows = await tx
    .select({ productId: productVariants.productId, variantId: productVariants.id })
    .from(productVariants)
    .where(
      and(
        eq(productVariants.tenantId, tenantId),
        eq(productVariants.isDefault, true),
        inArray(productVariants.productId, [...new Set(productIds)]),
      ),
    );
  return new Map(rows.map((r) => [r.productId, r.variantId]));
}
