import { sql } from 'drizzle-orm';
import {
  bigint, boolean, check, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, tenantPolicy, updatedAt } from '../../platform/db/table-helpers.js';
import { productVariants, products } from '../products/products.table.js';

/** Quantities: 18 digits with up to 6 decimals; a unit's `decimals` narrows what users may type. */
const qty = (name: string) => numeric(name, { precision: 18, scale: 6 });

/** Warehouses (انبار), each with a manager. */
export const warehouses = pgTable(
  'warehouses',
  {
    id: id(),
    tenantId: tenantId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    managerId: uuid('manager_id'),
    address: text('address'),
    allowNegativeStock: boolean('allow_negative_stock').notNull().default(false),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('warehouses_tenant_code_uq').on(t.tenantId, t.code), tenantPolicy('warehouses')],
);

export type StockDocumentKind = 'receipt' | 'issue' | 'transfer' | 'adjustment' | 'exit_permit';

/**
 * Stock documents: goods receipt (رسید انبار), issue slip (حواله), transfer (انتقال بین انبار), count
 * adjustment (تعدیل) and exit permit (مجوز خروج). Numbered per Jalali fiscal year. Draft → confirmed;
 * a confirmed document is never edited, only reversed by another document (`reversesId`).
 */
export const stockDocuments = pgTable(
  'stock_documents',
  {
    id: id(),
    tenantId: tenantId(),
    kind: text('kind').$type<StockDocumentKind>().notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    number: bigint('number', { mode: 'number' }).notNull(),
    docDate: date('doc_date').notNull(),
    status: text('status').$type<'draft' | 'confirmed'>().notNull().default('draft'),
    warehouseId: uuid('warehouse_id').notNull().references(() => warehouses.id),
    toWarehouseId: uuid('to_warehouse_id').references(() => warehouses.id),
    reversesId: uuid('reverses_id'),
    reversedById: uuid('reversed_by_id'),
    customerId: uuid('customer_id'),
    /** The business document this one serves, e.g. `invoice:<id>`, for documents other modules create. */
    reference: text('reference'),
    description: text('description'),
    createdBy: uuid('created_by'),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('stock_documents_number_uq').on(t.tenantId, t.kind, t.fiscalYear, t.number),
    index('stock_documents_tenant_date_idx').on(t.tenantId, t.docDate, t.id),
    index('stock_documents_reference_idx').on(t.tenantId, t.reference),
    tenantPolicy('stock_documents'),
  ],
);

/** Lines of a stock document. For an adjustment, `quantity` is the counted quantity. */
export const stockDocumentLines = pgTable(
  'stock_document_lines',
  {
    id: id(),
    tenantId: tenantId(),
    documentId: uuid('document_id').notNull().references(() => stockDocuments.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull().references(() => products.id),
    variantId: uuid('variant_id').notNull().references(() => productVariants.id),
    quantity: qty('quantity').notNull(),
    quantity2: qty('quantity2'),
    unitCost: bigint('unit_cost', { mode: 'bigint' }),
    description: text('description'),
  },
  (t) => [index('stock_document_lines_doc_idx').on(t.tenantId, t.documentId, t.lineNo), tenantPolicy('stock_document_lines')],
);

/**
 * The stock ledger: one immutable row per change of on-hand stock (a trigger refuses UPDATE and DELETE).
 * `seq` orders movements; `balanceAfter` is the on-hand after this movement, written under the balance
 * row's lock, so a stock card page is a keyset range with no window over history.
 */
export const stockMovements = pgTable(
  'stock_movements',
  {
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    tenantId: tenantId(),
    warehouseId: uuid('warehouse_id').notNull().references(() => warehouses.id),
    productId: uuid('product_id').notNull().references(() => products.id),
    variantId: uuid('variant_id').notNull().references(() => productVariants.id),
    quantity: qty('quantity').notNull(),
    quantity2: qty('quantity2'),
    balanceAfter: qty('balance_after').notNull(),
    documentId: uuid('document_id').notNull().references(() => stockDocuments.id),
    lineId: uuid('line_id'),
    kind: text('kind').$type<StockDocumentKind>().notNull(),
    docDate: date('doc_date').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('stock_movements_card_idx').on(t.tenantId, t.variantId, t.warehouseId, t.seq),
    index('stock_movements_product_idx').on(t.tenantId, t.productId, t.seq),
    index('stock_movements_document_idx').on(t.tenantId, t.documentId),
    tenantPolicy('stock_movements'),
  ],
);

/**
 * Cached balances per warehouse and variant, changed only in the transaction that writes the movement
 * or the reservation, under `SELECT … FOR UPDATE` of this row. sellable = onHand − reserved.
 */
export const stockBalances = pgTable(
  'stock_balances',
  {
    tenantId: tenantId(),
    warehouseId: uuid('warehouse_id').notNull().references(() => warehouses.id),
    variantId: uuid('variant_id').notNull().references(() => productVariants.id),
    productId: uuid('product_id').notNull().references(() => products.id),
    onHand: qty('on_hand').notNull().default('0'),
    onHand2: qty('on_hand2').notNull().default('0'),
    reserved: qty('reserved').notNull().default('0'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.warehouseId, t.variantId] }),
    index('stock_balances_product_idx').on(t.tenantId, t.productId),
    check('stock_balances_reserved_nonneg', sql`${t.reserved} >= 0`),
    tenantPolicy('stock_balances'),
  ],
);

/** A hold (رزرو) on stock for a document until `expiresAt`; the scheduler expires overdue ones. */
export const stockReservations = pgTable(
  'stock_reservations',
  {
    id: id(),
    tenantId: tenantId(),
    warehouseId: uuid('warehouse_id').notNull().references(() => warehouses.id),
    productId: uuid('product_id').notNull().references(() => products.id),
    variantId: uuid('variant_id').notNull().references(() => productVariants.id),
    quantity: qty('quantity').notNull(),
    status: text('status').$type<'active' | 'released' | 'consumed' | 'expired'>().notNull().default('active'),
    reference: text('reference'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('stock_reservations_active_idx').on(t.expiresAt).where(sql`${t.status} = 'active'`),
    index('stock_reservations_variant_idx').on(t.tenantId, t.variantId, t.warehouseId),
    index('stock_reservations_reference_idx').on(t.tenantId, t.reference),
    check('stock_reservations_qty_pos', sql`${t.quantity} > 0`),
    tenantPolicy('stock_reservations'),
  ],
);
