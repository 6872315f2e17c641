// Persian first; English for the few places an English UI shows them.
import { RESERVATION_STATUS_LABELS, RESERVATION_STATUSES, STOCK_KIND_LABELS, type StockDocumentKind } from '@common/contracts/inventory.contract.js';
import { formatQuantity, parseQuantity } from '@common/quantity.js';

export const kindLabel = (k: StockDocumentKind, locale: 'fa' | 'en' = 'fa') => STOCK_KIND_LABELS[k][locale];
export const STATUS_LABEL = { draft: 'پیش‌نویس', confirmed: 'تاییدشده' } as const;

export const NAV = {
  inventory: { fa: 'انبار و موجودی', en: 'Inventory' },
  documents: { fa: 'اسناد انبار', en: 'Stock documents' },
  newDocument: { fa: 'سند انبار تازه', en: 'New stock document' },
  warehouses: { fa: 'انبارها', en: 'Warehouses' },
  stock: { fa: 'موجودی کالا', en: 'Stock' },
  card: { fa: 'کاردکس کالا', en: 'Stock card' },
  reservations: { fa: 'رزرو موجودی', en: 'Reservations' },
};

export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
export const reservationStatusLabel = (s: ReservationStatus) => RESERVATION_STATUS_LABELS[s];

/** A quantity from the API ("12.5") for people: ۱۲٫۵ (or as is when it does not parse). */
export function showQty(v: string | null | undefined, fa = true): string {
  if (v === null || v === undefined || v === '') return '';
  const r = parseQuantity(v);
  return r.ok ? formatQuantity(r.value, { digits: fa ? 'fa' : 'latin' }) : v;
}
