import { STOCK_KIND_LABELS, type StockCardRow, type StockRow } from '../../../common/contracts/inventory.contract.js';
import { qty } from '../../../common/quantity.js';
import type { ExportColumn } from '../../platform/export/export.service.js';
import { jalaliDay, numberCell } from '../../platform/export/export-values.js';

/** The stock table: one row per warehouse and variant, quantities as numbers. */
export const STOCK_EXPORT_COLUMNS: ExportColumn<StockRow>[] = [
  { header: 'انبار', value: (r) => r.warehouseName, width: 20 },
  { header: 'کد کالا', value: (r) => r.productCode, width: 14 },
  { header: 'نام کالا', value: (r) => r.productName, width: 30 },
  { header: 'تنوع', value: (r) => r.variantCode, width: 14 },
  { header: 'مشخصات تنوع', value: (r) => Object.values(r.attributes).join('، ') || null, width: 20 },
  { header: 'واحد', value: (r) => r.unitName, width: 10 },
  { header: 'موجودی', value: (r) => numberCell(r.onHand), width: 12 },
  { header: 'رزروشده', value: (r) => numberCell(r.reserved), width: 12 },
  { header: 'قابل فروش', value: (r) => numberCell(r.sellable), width: 12 },
  { header: 'واحد دوم', value: (r) => r.secondUnitName, width: 10 },
  { header: 'موجودی واحد دوم', value: (r) => (r.secondUnitName ? numberCell(r.onHand2) : null), width: 14 },
];

/** کاردکس: movements in posting order with the running balance. */
export const STOCK_CARD_EXPORT_COLUMNS: ExportColumn<StockCardRow>[] = [
  { header: 'تاریخ سند', value: (r) => jalaliDay(r.docDate), width: 12 },
  { header: 'نوع سند', value: (r) => STOCK_KIND_LABELS[r.documentKind].fa, width: 16 },
  { header: 'شماره سند', value: (r) => r.documentNumber, width: 10 },
  { header: 'سال مالی', value: (r) => r.fiscalYear, width: 9 },
  { header: 'انبار', value: (r) => r.warehouseName, width: 18 },
  { header: 'وارده', value: (r) => (qty(r.quantity) > 0n ? numberCell(r.quantity) : null), width: 12 },
  { header: 'صادره', value: (r) => (qty(r.quantity) < 0n ? -Number(r.quantity) : null), width: 12 },
  { header: 'مانده', value: (r) => numberCell(r.balanceAfter), width: 12 },
  { header: 'واحد دوم', value: (r) => numberCell(r.quantity2), width: 10 },
  { header: 'مرجع', value: (r) => r.reference, width: 20 },
  { header: 'شرح', value: (r) => r.description, width: 30 },
];
