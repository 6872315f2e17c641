// Names in a file → ids in the database: units, tax classes, categories (by path), brands, and the
// active price lists and warehouses that can be columns. Loaded once per pass (and again per batch of
// the job, for the categories and brands earlier batches created), so rows resolve without a query each.
import { and, asc, eq } from 'drizzle-orm';
import { searchNormalize } from '../../../../common/text.js';
import type { Tx } from '../../../platform/db/types.js';
import { warehouses } from '../../inventory/index.js';
import { lookupValues } from '../../settings/index.js';
import { priceLists } from '../price-lists.table.js';
import { productCategories, productUnits, taxClasses } from '../products.table.js';
import { priceFieldLabel, stockFieldLabel, type DynamicField } from './import-fields.js';

export type UnitRef = { id: string; name: string; decimals: number; active: boolean };
export type Named = { id: string; name: string; active: boolean };

export type ImportRefs = {
  unit(name: string): UnitRef | null;
  unitById(id: string): UnitRef | undefined;
  /** Names of the active units, for the refusal of an unknown one. */
  unitNames: string[];
  taxClass(name: string): Named | null;
  taxClassNames: string[];
  /** A category by its path of names («ابزار / ابزار دستی»); null when (part of) it does not exist yet. */
  category(path: string[]): Named | null;
  brand(name: string): Named | null;
  priceLists: Map<string, string>;
  warehouses: Map<string, string>;
};

export const nameKey = (s: string) => searchNormalize(s);
/** «ابزار / ابزار دستی» (also › > \ as separators) → ['ابزار', 'ابزار دستی']. */
export const splitPath = (s: string) => s.split(/\s*[/\\›>]\s*/).map((p) => p.trim().replace(/\s+/g, ' ')).filter(Boolean);
export const pathKey = (names: string[]) => names.map(nameKey).join('\u0000');

export async function loadImportRefs(tx: Tx, tenantId: string): Promise<ImportRefs> {
  const units = await tx.select({ id: productUnits.id, name: productUnits.name, decimals: productUnits.decimals, active: productUnits.active })
    .from(productUnits).where(eq(productUnits.tenantId, tenantId)).orderBy(asc(productUnits.name));
  const taxes = await tx.select({ id: taxClasses.id, name: taxClasses.name, active: taxClasses.active })
    .from(taxClasses).where(eq(taxClasses.tenantId, tenantId)).orderBy(asc(taxClasses.name));
  const cats = await tx.select({ id: productCategories.id, parentId: productCategories.parentId, name: productCategories.name, active: productCategories.active })
    .from(productCategories).where(eq(productCategories.tenantId, tenantId));
  const brands = await tx.select({ id: lookupValues.id, name: lookupValues.name, active: lookupValues.active })
    .from(lookupValues).where(and(eq(lookupValues.tenantId, tenantId), eq(lookupValues.list, 'productBrand')));
  const lists = await tx.select({ id: priceLists.id, name: priceLists.name })
    .from(priceLists).where(and(eq(priceLists.tenantId, tenantId), eq(priceLists.active, true))).orderBy(asc(priceLists.name));
  const whs = await tx.select({ id: warehouses.id, name: warehouses.name })
    .from(warehouses).where(and(eq(warehouses.tenantId, tenantId), eq(warehouses.active, true))).orderBy(asc(warehouses.code));

  const byId = new Map(cats.map((c) => [c.id, c]));
  const namesOf = (id: string): string[] => {
    const out: string[] = [];
    for (let c = byId.get(id), guard = 0; c && guard < 50; c = c.parentId ? byId.get(c.parentId) : undefined, guard++) out.unshift(c.name);
    return out;
  };
  const categories = new Map(cats.map((c) => [pathKey(namesOf(c.id)), c]));
  const unitMap = new Map(units.map((u) => [nameKey(u.name), u]));
  const taxMap = new Map(taxes.map((t) => [nameKey(t.name), t]));
  const brandMap = new Map(brands.map((b) => [nameKey(b.name), b]));
  return {
    unit: (n) => unitMap.get(nameKey(n)) ?? null,
    unitById: (id) => units.find((u) => u.id === id),
    unitNames: units.filter((u) => u.active).map((u) => u.name),
    taxClass: (n) => taxMap.get(nameKey(n)) ?? null,
    taxClassNames: taxes.filter((t) => t.active).map((t) => t.name),
    category: (path) => categories.get(pathKey(path)) ?? null,
    brand: (n) => brandMap.get(nameKey(n)) ?? null,
    priceLists: new Map(lists.map((l) => [l.id, l.name])),
    warehouses: new Map(whs.map((w) => [w.id, w.name])),
  };
}

/** The price list and warehouse columns offered on the mapping screen. */
export function dynamicFields(refs: Pick<ImportRefs, 'priceLists' | 'warehouses'>): DynamicField[] {
  return [
    ...[...refs.priceLists].map(([id, name]) => ({ key: `price:${id}`, label: priceFieldLabel(name) })),
    ...[...refs.warehouses].map(([id, name]) => ({ key: `stock:${id}`, label: stockFieldLabel(name) })),
  ];
}
