import type { CustomerFilters, CustomerOut } from '../../../common/contracts/customers.contract.js';
import { formatJalali } from '../../../common/jalali.js';
import type { Ctx } from '../../platform/context.js';
import type { ExportColumn } from '../../platform/export/export.service.js';
import { listCustomers } from './customers.service.js';

const jalaliOfIsoDate = (d: string | null) => (d ? formatJalali(new Date(`${d}T12:00:00Z`), { digits: 'latin' }) : null);

/** Every exportable column by key; the list screen sends the keys of its visible columns. */
export const CUSTOMER_EXPORT_COLUMNS: Record<string, ExportColumn<CustomerOut>> = {
  code: { header: 'کد مشتری', value: (r) => r.code },
  kind: { header: 'نوع', value: (r) => (r.kind === 'legal' ? 'حقوقی' : 'حقیقی') },
  displayName: { header: 'نام', value: (r) => r.displayName, width: 28 },
  firstName: { header: 'نام کوچک', value: (r) => r.firstName },
  lastName: { header: 'نام خانوادگی', value: (r) => r.lastName },
  companyName: { header: 'نام سازمان', value: (r) => r.companyName },
  nationalId: { header: 'کد ملی', value: (r) => r.nationalId },
  legalId: { header: 'شناسه ملی', value: (r) => r.legalId },
  economicCode: { header: 'کد اقتصادی', value: (r) => r.economicCode },
  registrationNo: { header: 'شماره ثبت', value: (r) => r.registrationNo },
  organizationTypeName: { header: 'نوع سازمان', value: (r) => r.organizationTypeName },
  mobile: { header: 'موبایل', value: (r) => r.mobile },
  phone: { header: 'تلفن', value: (r) => r.phone },
  email: { header: 'ایمیل', value: (r) => r.email, width: 26 },
  provinceName: { header: 'استان', value: (r) => r.provinceName },
  cityName: { header: 'شهر', value: (r) => r.cityName },
  sourceName: { header: 'شیوه آشنایی', value: (r) => r.sourceName },
  grade: { header: 'درجه', value: (r) => r.grade },
  tags: { header: 'برچسب‌ها', value: (r) => r.tags.join('، ') },
  ownerName: { header: 'کارشناس مسئول', value: (r) => r.ownerName },
  birthDate: { header: 'تاریخ تولد', value: (r) => jalaliOfIsoDate(r.birthDate) },
  weddingDate: { header: 'سالگرد ازدواج', value: (r) => jalaliOfIsoDate(r.weddingDate) },
  createdAt: { header: 'تاریخ ایجاد', value: (r) => formatJalali(r.createdAt, { digits: 'latin' }) },
};

const DEFAULT_COLUMNS = ['code', 'kind', 'displayName', 'nationalId', 'legalId', 'economicCode', 'mobile', 'phone', 'email', 'provinceName', 'cityName', 'sourceName', 'tags', 'ownerName', 'createdAt'];

export function exportColumns(keys: string | undefined): ExportColumn<CustomerOut>[] {
  const wanted = keys ? keys.split(',').filter((k) => k in CUSTOMER_EXPORT_COLUMNS) : DEFAULT_COLUMNS;
  return (wanted.length ? wanted : DEFAULT_COLUMNS).map((k) => CUSTOMER_EXPORT_COLUMNS[k]!);
}

/** Page by page with the list's own query (filters and record scope), so memory stays flat however many rows. */
export async function* customerExportPages(ctx: Ctx, filters: CustomerFilters, ids?: string[]) {
  let cursor: string | undefined;
  do {
    const page = await listCustomers(ctx, { ...filters, limit: 500, cursor }, ids);
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
