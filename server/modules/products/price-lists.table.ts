import { bigint, boolean, date, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, tenantPolicy, updatedAt } from '../../platform/db/table-helpers.js';
import { lookupValues } from '../settings/lookups.table.js';
import { roles } from '../access/access.table.js';
import { productVariants, products } from './products.table.js';

/**
 * Price lists (لیست قیمت) for a sales channel and/or a staff role, valid between two dates
 * (either end open). Which list prices a sale is decided by `resolvePrice` (docs/products.md).
 */
export const priceLists = pgTable(
  'price_lists',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    /** Sales channel / store (lookup list `salesChannel`); null = every channel. */
    channelId: uuid('channel_id').references(() => lookupValues.id),
    /** Staff role; null = every role. */
    roleId: uuid('role_id').references(() => roles.id),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    priority: integer('priority').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('price_lists_tenant_scope_idx').on(t.tenantId, t.channelId, t.roleId), tenantPolicy('price_lists')],
);

/** A product's unit price (Rial) in a list; `variantId` null = every variant of the product. */
export const priceListItems = pgTable(
  'price_list_items',
  {
    id: id(),
    tenantId: tenantId(),
    priceListId: uuid('price_list_id').notNull().references(() => priceLists.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').notNull().references(() => products.id),
    variantId: uuid('variant_id').references(() => productVariants.id),
    price: bigint('price', { mode: 'bigint' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('price_list_items_uq').on(t.tenantId, t.priceListId, t.productId, t.variantId).nullsNotDistinct(),
    index('price_list_items_product_idx').on(t.tenantId, t.productId),
    tenantPolicy('price_list_items'),
  ],
);
