import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, tenantPolicy, updatedAt } from '../../platform/db/table-helpers.js';
import { lookupValues } from '../settings/lookups.table.js';
import { files } from '../../platform/files/files.table.js';

/** Units of measure (واحد). `decimals` is how many fraction digits a quantity in this unit may have. */
export const productUnits = pgTable(
  'product_units',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    decimals: integer('decimals').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('product_units_tenant_name_uq').on(t.tenantId, t.name), tenantPolicy('product_units')],
);

/**
 * Product groups (گروه کالا) as a tree. `path` is the chain of ancestor ids ending with this one
 * (`/a/b/c/`), so a subtree is one `LIKE 'prefix%'` range and sales limits can cover whole branches.
 */
export const productCategories = pgTable(
  'product_categories',
  {
    id: id(),
    tenantId: tenantId(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    path: text('path').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('product_categories_parent_idx').on(t.tenantId, t.parentId, t.sortOrder),
    index('product_categories_path_idx').on(t.tenantId, t.path),
    tenantPolicy('product_categories'),
  ],
);

/** Tax classes (VAT and municipal toll). Rates change by date, so they live in `tax_class_rates`. */
export const taxClasses = pgTable(
  'tax_classes',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    exempt: boolean('exempt').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tax_classes_tenant_name_uq').on(t.tenantId, t.name), tenantPolicy('tax_classes')],
);

/** A tax class's rates from a date on (percent, e.g. 9.00 VAT + 1.00 toll). */
export const taxClassRates = pgTable(
  'tax_class_rates',
  {
    id: id(),
    tenantId: tenantId(),
    taxClassId: uuid('tax_class_id').notNull().references(() => taxClasses.id, { onDelete: 'cascade' }),
    effectiveFrom: text('effective_from').notNull(), // ISO date (Gregorian) from which the rate applies
    vatRate: numeric('vat_rate', { precision: 5, scale: 2 }).notNull(),
    tollRate: numeric('toll_rate', { precision: 5, scale: 2 }).notNull(),
  },
  (t) => [
    uniqueIndex('tax_class_rates_from_uq').on(t.tenantId, t.taxClassId, t.effectiveFrom),
    tenantPolicy('tax_class_rates'),
  ],
);

/**
 * Products (محصول / کالا). Goods keep stock; services never do. Stock is kept per variant; every
 * product has one default variant, plus one per attribute combination when it has attributes.
 * Products are never hard-deleted once used: `deletedAt` hides them and refuses them in new documents.
 */
export const products = pgTable(
  'products',
  {
    id: id(),
    tenantId: tenantId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    kind: text('kind').$type<'goods' | 'service'>().notNull().default('goods'),
    categoryId: uuid('category_id').references(() => productCategories.id),
    brandId: uuid('brand_id').references(() => lookupValues.id),
    color: text('color'),
    unitId: uuid('unit_id').notNull().references(() => productUnits.id),
    /** An independent second unit (واحد ۲): counted separately, no fixed ratio to the main unit. */
    secondUnitId: uuid('second_unit_id').references(() => productUnits.id),
    /** Main units in one second unit, a hint for forms; null = no usual ratio. */
    secondUnitRatio: numeric('second_unit_ratio', { precision: 18, scale: 6 }),
    barcode: text('barcode'),
    taxClassId: uuid('tax_class_id').references(() => taxClasses.id),
    /** Fallback price in Rial when no price list gives one. */
    basePrice: bigint('base_price', { mode: 'bigint' }),
    active: boolean('active').notNull().default(true),
    showStockToSales: boolean('show_stock_to_sales').notNull().default(true),
    allowNegativeStock: boolean('allow_negative_stock').notNull().default(false),
    imageFileId: uuid('image_file_id').references(() => files.id),
    searchText: text('search_text').notNull().default(''),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('products_tenant_code_uq').on(t.tenantId, t.code),
    uniqueIndex('products_tenant_barcode_uq').on(t.tenantId, t.barcode),
    index('products_tenant_name_idx').on(t.tenantId, t.name, t.id),
    index('products_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('products_tenant_category_idx').on(t.tenantId, t.categoryId),
    index('products_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    tenantPolicy('products'),
  ],
);

/** Attributes (مشخصه کالا) such as رنگ or سایز, with their allowed values. */
export const productAttributes = pgTable(
  'product_attributes',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    values: text('values').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('product_attributes_tenant_name_uq').on(t.tenantId, t.name), tenantPolicy('product_attributes')],
);

/**
 * What stock is kept for: a product's default variant (`isDefault`, no attributes) or one combination
 * of attribute values (`attributes` = { "رنگ": "قرمز", "سایز": "L" }) with its own code and barcode.
 */
export const productVariants = pgTable(
  'product_variants',
  {
    id: id(),
    tenantId: tenantId(),
    productId: uuid('product_id').notNull().references(() => products.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    barcode: text('barcode'),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    isDefault: boolean('is_default').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('product_variants_tenant_code_uq').on(t.tenantId, t.code),
    uniqueIndex('product_variants_tenant_barcode_uq').on(t.tenantId, t.barcode),
    index('product_variants_product_idx').on(t.tenantId, t.productId),
    tenantPolicy('product_variants'),
  ],
);

/** A staff member limited to some product groups may sell only products in those branches. */
export const salesCategoryLimits = pgTable(
  'sales_category_limits',
  {
    id: id(),
    tenantId: tenantId(),
    userId: uuid('user_id').notNull(),
    categoryId: uuid('category_id').notNull().references(() => productCategories.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sales_category_limits_uq').on(t.tenantId, t.userId, t.categoryId),
    tenantPolicy('sales_category_limits'),
  ],
);
