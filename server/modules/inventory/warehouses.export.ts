import type { WarehouseOut } from '../../../common/contracts/inventory.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { ExportColumn } from '../../platform/export/export.service.js';
import { jalaliDateTime, yesNo } from '../../platform/export/export-values.js';
import { listWarehouses } from './warehouses.service.js';

export const WAREHOUSE_EXPORT_COLUMNS: ExportColumn<WarehouseOut>[] = [
  { header: 'کد انبار', value: (r) => r.code, width: 10 },
  { header: 'نام انبار', value: (r) => r.name, width: 26 },
  { header: 'مدیر انبار', value: (r) => r.managerName, width: 22 },
  { header: 'نشانی', value: (r) => r.address, width: 40 },
  { header: 'موجودی منفی مجاز', value: (r) => yesNo(r.allowNegativeStock), width: 14 },
  { header: 'فعال', value: (r) => yesNo(r.active), width: 8 },
  { header: 'تاریخ ایجاد', value: (r) => jalaliDateTime(r.createdAt) },
];

/** Warehouses are few: one page, the same list (and order) as the screen. */
export async function* warehouseExportPages(ctx: Ctx) {
  yield await listWarehouses(ctx);
}
