import { z } from 'zod';
import { zJalaliDate, zOptional, zPersianText } from '../validators/zod.js';
import { normalizePersian, toLatinDigits, toPersianDigits } from '../text.js';
import { parseQuantity, quantityErrorMessage } from '../quantity.js';

/** Warehouses, stock documents, reservations and stock reads: defined once for the API, OpenAPI and the web forms. */

export const STOCK_DOCUMENT_KINDS = ['receipt', 'issue', 'transfer', 'adjustment', 'exit_permit'] as const;
export type StockDocumentKind = (typeof STOCK_DOCUMENT_KINDS)[number];
export const stockDocumentKind = z.enum(STOCK_DOCUMENT_KINDS);

export const STOCK_KIND_LABELS: Record<StockDocumentKind, { fa: string; en: string }> = {
  receipt: { fa: 'رسید انبار', en: 'Goods receipt' },
  issue: { fa: 'حواله انبار', en: 'Issue slip' },
  transfer: { fa: 'انتقال بین انبار', en: 'Transfer' },
  adjustment: { fa: 'تعدیل شمارش', en: 'Count adjustment' },
  exit_permit: { fa: 'مجوز خروج', en: 'Exit permit' },
};

export const RESERVATION_STATUSES = ['active', 'released', 'consumed', 'expired'] as const;
export const RESERVATION_STATUS_LABELS: Record<(typeof RESERVATION_STATUSES)[number], string> = {
  active: 'فعال', released: 'آزادشده', consumed: 'مصرف‌شده', expired: 'منقضی',
};

export const STOCK_DOCUMENT_STATUS_LABELS = { draft: 'پیش‌نویس', confirmed: 'تاییدشده', reversed: 'برگشت‌خورده' } as const;

/** `?format=` of every export here (XLSX unless CSV is asked for). */
const exportFormat = z.enum(['csv', 'xlsx']).default('xlsx');
export const warehouseExportQuery = z.object({ format: exportFormat });

const optUuid = z.preprocess((v) => (v === '' ? null : v), z.uuid().nullable().optional());
const optText = (label: string, max: number) => zOptional(zPersianText({ label, max })).nullable();

/** A quantity as typed: text in any digits ("۱۲٫۵") or a JSON number; checked per line below. */
export const quantityInput = z.union([z.string().max(40), z.number()]);

// ── Warehouses ────────────────────────────────────────────────────────────────
export const warehouseFields = z.object({
  code: z.preprocess((v) => (typeof v === 'string' ? toLatinDigits(v).trim() : v), z.string().min(1, 'کد انبار الزامی است').max(20, 'کد انبار حداکثر ۲۰ نویسه است')),
  name: zPersianText({ label: 'نام انبار', max: 100 }),
  managerId: optUuid,
  address: optText('نشانی انبار', 500),
  allowNegativeStock: z.boolean().optional(),
  active: z.boolean().optional(),
});
export const warehouseCreate = warehouseFields;
export const warehousePatch = warehouseFields.partial().extend({ version: z.number().int().positive().optional() });
export type WarehouseCreate = z.infer<typeof warehouseCreate>;
export type WarehousePatch = z.infer<typeof warehousePatch>;

export const warehouseOut = z.object({
  id: z.string(), code: z.string(), name: z.string(), managerId: z.string().nullable(), managerName: z.string().nullable(),
  address: z.string().nullable(), allowNegativeStock: z.boolean(), active: z.boolean(), version: z.number(),
  createdAt: z.string(), updatedAt: z.string(),
});
export type WarehouseOut = z.infer<typeof warehouseOut>;

// ── Stock documents ───────────────────────────────────────────────────────────
export const stockLineInput = z.object({
  productId: optUuid,
  variantId: optUuid,
  quantity: quantityInput,
  quantity2: quantityInput.nullable().optional(),
  description: optText('توضیحات ردیف', 300),
});
export type StockLineInput = z.infer<typeof stockLineInput>;

const documentShape = {
  kind: stockDocumentKind,
  docDate: zJalaliDate('تاریخ سند'),
  warehouseId: z.uuid(),
  toWarehouseId: optUuid,
  /** Exit permit: the confirmed issue slip the goods leave against. */
  sourceDocumentId: optUuid,
  reference: optText('مرجع', 120),
  description: optText('توضیحات', 1000),
  lines: z.array(stockLineInput).min(1, 'سند باید حداقل یک ردیف داشته باشد').max(500),
};

/** «ردیف ۳»: how a person refers to a line. */
export const lineLabel = (index: number) => `ردیف ${toPersianDigits(index + 1)}`;

type LineCheckInput = { kind?: StockDocumentKind | undefined; warehouseId?: string | undefined; toWarehouseId?: string | null | undefined; sourceDocumentId?: string | null | undefined; lines?: StockLineInput[] | undefined };

/** Checks that need no database: quantity format and sign, line product, transfer destination. */
export function checkDocumentInput(v: LineCheckInput, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (v.kind === 'transfer') {
    if (!v.toWarehouseId) issue(['toWarehouseId'], 'انبار مقصد انتقال الزامی است');
    else if (v.toWarehouseId === v.warehouseId) issue(['toWarehouseId'], 'انبار مقصد نمی‌تواند همان انبار مبدأ باشد');
  } else if (v.kind && v.toWarehouseId) issue(['toWarehouseId'], 'انبار مقصد فقط برای انتقال بین انبار است');
  if (v.kind === 'exit_permit' && !v.sourceDocumentId) issue(['sourceDocumentId'], 'حواله‌ای که مجوز خروج برای آن صادر می‌شود الزامی است');
  const zeroAllowed = v.kind === 'adjustment';
  (v.lines ?? []).forEach((line, i) => {
    if (!line.productId && !line.variantId) issue(['lines', i, 'productId'], `کالای ${lineLabel(i)} الزامی است`);
    for (const field of ['quantity', 'quantity2'] as const) {
      const raw = line[field];
      if (raw == null || (field === 'quantity2' && raw === '')) continue;
      const label = `${field === 'quantity' ? 'مقدار' : 'مقدار واحد دوم'} ${lineLabel(i)}`;
      const r = parseQuantity(raw);
      if (!r.ok) issue(['lines', i, field], quantityErrorMessage(r.error, label));
      else if (r.value < 0n || (r.value === 0n && !zeroAllowed)) issue(['lines', i, field], zeroAllowed ? `${label} نمی‌تواند منفی باشد` : `${label} باید بزرگ‌تر از صفر باشد`);
    }
  });
}

export const stockDocumentCreate = z.object(documentShape).superRefine((v, ctx) => checkDocumentInput(v, ctx));
export const stockDocumentPatch = z
  .object({ ...documentShape, kind: stockDocumentKind.optional() })
  .partial()
  .extend({ version: z.number().int().positive().optional() })
  .superRefine((v, ctx) => checkDocumentInput(v, ctx));
export type StockDocumentCreate = z.infer<typeof stockDocumentCreate>;
export type StockDocumentPatch = z.infer<typeof stockDocumentPatch>;

export const stockLineOut = z.object({
  id: z.string(), lineNo: z.number(), productId: z.string(), variantId: z.string(), productCode: z.string(), productName: z.string(),
  variantCode: z.string(), attributes: z.record(z.string(), z.string()), unitName: z.string(), secondUnitName: z.string().nullable(),
  quantity: z.string(), quantity2: z.string().nullable(), description: z.string().nullable(),
});
export const stockDocumentOut = z.object({
  id: z.string(), kind: stockDocumentKind, fiscalYear: z.number(), number: z.number(), docDate: z.string(),
  status: z.enum(['draft', 'confirmed']), warehouseId: z.string(), warehouseName: z.string(), toWarehouseId: z.string().nullable(),
  toWarehouseName: z.string().nullable(), reversesId: z.string().nullable(), reversedById: z.string().nullable(),
  sourceDocumentId: z.string().nullable(), reference: z.string().nullable(), description: z.string().nullable(),
  createdBy: z.string().nullable(), confirmedBy: z.string().nullable(), confirmedAt: z.string().nullable(), version: z.number(),
  createdAt: z.string(), lineCount: z.number(),
});
export const stockDocumentDetail = stockDocumentOut.extend({ lines: z.array(stockLineOut) });
export type StockDocumentOut = z.infer<typeof stockDocumentOut>;
export type StockDocumentDetail = z.infer<typeof stockDocumentDetail>;

export const stockDocumentListQuery = z.object({
  kind: stockDocumentKind.optional(),
  warehouseId: z.uuid().optional(),
  status: z.enum(['draft', 'confirmed']).optional(),
  from: zOptional(zJalaliDate('از تاریخ')),
  to: zOptional(zJalaliDate('تا تاریخ')),
  reference: z.string().max(120).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type StockDocumentListQuery = z.infer<typeof stockDocumentListQuery>;
export const stockDocumentExportQuery = stockDocumentListQuery.omit({ limit: true, cursor: true }).extend({ format: exportFormat });
export type StockDocumentFilters = Omit<StockDocumentListQuery, 'limit' | 'cursor'>;

export const idempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().min(1, 'کلید تکرار (Idempotency-Key) خالی است').max(200).optional() });

// ── Reservations ──────────────────────────────────────────────────────────────
export const reservationCreate = z
  .object({
    warehouseId: z.uuid(),
    productId: optUuid,
    variantId: optUuid,
    quantity: quantityInput,
    expiresAt: zJalaliDate('مهلت رزرو'),
    reference: optText('مرجع', 120),
  })
  .superRefine((v, ctx) => {
    if (!v.productId && !v.variantId) ctx.addIssue({ code: 'custom', path: ['productId'], message: 'کالای رزرو الزامی است' });
    const r = parseQuantity(v.quantity);
    if (!r.ok) ctx.addIssue({ code: 'custom', path: ['quantity'], message: quantityErrorMessage(r.error, 'مقدار رزرو') });
    else if (r.value <= 0n) ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'مقدار رزرو باید بزرگ‌تر از صفر باشد' });
  });
export type ReservationCreate = z.infer<typeof reservationCreate>;

export const reservationOut = z.object({
  id: z.string(), warehouseId: z.string(), warehouseName: z.string(), productId: z.string(), variantId: z.string(),
  productName: z.string(), quantity: z.string(), status: z.enum(RESERVATION_STATUSES), reference: z.string().nullable(),
  expiresAt: z.string(), createdAt: z.string(), closedAt: z.string().nullable(),
});
export type ReservationOut = z.infer<typeof reservationOut>;
export const reservationListQuery = z.object({
  status: z.enum(RESERVATION_STATUSES).optional(),
  warehouseId: z.uuid().optional(),
  productId: z.uuid().optional(),
  reference: z.string().max(120).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type ReservationListQuery = z.infer<typeof reservationListQuery>;
export type ReservationFilters = Omit<ReservationListQuery, 'limit' | 'cursor'>;
/** The screen's filters; `q` is its search box, which matches the reference exactly (Persian letters unified), as the list does. */
export const reservationExportQuery = reservationListQuery.omit({ limit: true, cursor: true }).extend({
  q: z.preprocess((v) => (typeof v === 'string' ? normalizePersian(v).trim() || undefined : v), z.string().max(120).optional()),
  format: exportFormat,
});

// ── Stock reads ───────────────────────────────────────────────────────────────
export const stockFilters = z.object({ productId: z.uuid().optional(), variantId: z.uuid().optional(), warehouseId: z.uuid().optional() });
export type StockFilters = z.infer<typeof stockFilters>;
/** A warehouse can hold stock of 100,000 variants: the rows come a page at a time, the totals cover them all. */
export const stockQuery = stockFilters.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export type StockQuery = z.infer<typeof stockQuery>;
export const stockExportQuery = stockFilters.extend({ format: exportFormat });
const stockFigures = { onHand: z.string(), reserved: z.string(), sellable: z.string(), onHand2: z.string() };
export const stockRowOut = z.object({
  warehouseId: z.string(), warehouseName: z.string(), productId: z.string(), variantId: z.string(), productCode: z.string(),
  productName: z.string(), variantCode: z.string(), attributes: z.record(z.string(), z.string()), unitName: z.string(),
  secondUnitName: z.string().nullable(), ...stockFigures,
});
export const stockOut = z.object({
  items: z.array(stockRowOut),
  /** Over every row that matches the filters, not only this page. */
  totals: z.object(stockFigures),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});
export type StockOut = z.infer<typeof stockOut>;
export type StockRow = z.infer<typeof stockRowOut>;

export const stockCardFilters = z.object({
  productId: z.uuid().optional(),
  variantId: z.uuid().optional(),
  warehouseId: z.uuid().optional(),
  from: zOptional(zJalaliDate('از تاریخ')),
  to: zOptional(zJalaliDate('تا تاریخ')),
});
export const stockCardQuery = stockCardFilters.extend({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const stockCardExportQuery = stockCardFilters.extend({ format: exportFormat });
export type StockCardFilters = z.infer<typeof stockCardFilters>;
export type StockCardQuery = z.infer<typeof stockCardQuery>;

export const stockCardRowOut = z.object({
  seq: z.number(), at: z.string(), docDate: z.string(), documentId: z.string(), documentKind: stockDocumentKind,
  documentNumber: z.number(), fiscalYear: z.number(), warehouseId: z.string(), warehouseName: z.string(), productId: z.string(),
  variantId: z.string(), quantity: z.string(), quantity2: z.string().nullable(), balanceAfter: z.string(),
  reference: z.string().nullable(), description: z.string().nullable(),
});
export const stockCardOut = z.object({
  items: z.array(stockCardRowOut),
  nextCursor: z.string().nullable(),
  /** On hand just before the first movement in range, when the card is one warehouse and one variant. */
  openingBalance: z.string().nullable(),
});
export type StockCardRow = z.infer<typeof stockCardRowOut>;
export type StockCardOut = z.infer<typeof stockCardOut>;

export const consistencyOut = z.object({
  ok: z.boolean(),
  checked: z.number(),
  differences: z.array(z.object({
    warehouseId: z.string(), variantId: z.string(), productId: z.string(),
    cachedOnHand: z.string(), ledgerOnHand: z.string(), cachedOnHand2: z.string(), ledgerOnHand2: z.string(),
    cachedReserved: z.string(), activeReserved: z.string(), lastBalanceAfter: z.string().nullable(),
  })),
});
export type ConsistencyOut = z.infer<typeof consistencyOut>;
