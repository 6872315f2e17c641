// The reservations list as XLSX/CSV: read back and compared with what GET /api/reservations shows, with the
// screen's filters (status, warehouse, product, the reference search box), permissions and the audit entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, userWithGrants, type TestApp } from '../../../test-support/test-app.js';
import { readCsvExport, readXlsxExport } from '../../../test-support/export-reader.js';
import { systemCtx } from '../reservations.service.js';
import { reservationExportPages } from '../reservations.export.js';
import { api, makeProduct, makeWarehouse, postDoc, type ProductFixture } from './inventory-fixture.js';

type Reservation = { id: string; productName: string; warehouseName: string; quantity: string; reference: string | null; status: string; expiresAt: string };
let t: TestApp;
let call: ReturnType<typeof api>;
let main: { id: string; name: string };
let branch: { id: string; name: string };
let rice: ProductFixture;
let nails: ProductFixture;

const ok = async (method: string, url: string, body?: unknown) => {
  const res = await call(method, url, body);
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
  return res.json();
};
const inHours = (h: number) => new Date(t.clock.now.getTime() + h * 3_600_000).toISOString();
const listAll = async (query = '') => {
  const out: Reservation[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Reservation[]; nextCursor: string | null } = await ok('GET', `/api/reservations?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
};
const STATUS_FA: Record<string, string> = { active: 'فعال', released: 'آزادشده', consumed: 'مصرف‌شده', expired: 'منقضی' };

beforeAll(async () => {
  t = await createTestApp();
  call = api(t);
  main = await makeWarehouse(t, { name: 'انبار مرکزی' });
  branch = await makeWarehouse(t, { name: 'انبار شعبه' });
  rice = await makeProduct(t, { name: 'برنج هاشمی', decimals: 3 });
  nails = await makeProduct(t, { name: 'میخ فولادی' });
  await postDoc(t, { kind: 'receipt', warehouseId: main.id, lines: [{ productId: rice.productId, quantity: '20.5' }, { productId: nails.productId, quantity: 100 }] });
  await postDoc(t, { kind: 'receipt', warehouseId: branch.id, lines: [{ productId: rice.productId, quantity: 8 }] });
  t.clock.now = new Date('2025-03-10T07:00:00Z');
  const reserve = async (warehouseId: string, productId: string, quantity: string | number, reference: string | null, hours = 2) => {
    t.clock.advance(60_000);
    return ok('POST', '/api/reservations', { warehouseId, productId, quantity, expiresAt: inHours(hours), reference });
  };
  await reserve(main.id, rice.productId, '2.5', 'پیش‌فاکتور ۱۰۱');
  await reserve(branch.id, rice.productId, 3, 'پیش‌فاکتور ۱۰۲');
  const released = await reserve(main.id, nails.productId, 10, '=SUM(A1)');
  await reserve(main.id, nails.productId, 4, null, 48);
  await ok('DELETE', `/api/reservations/${released.id}`);
});
afterAll(async () => { await t?.close(); });

describe('GET /api/reservations/export', () => {
  it('the whole list as an RTL XLSX: same rows and order, Persian status, Jalali deadline, quantity as a number, formulas neutralised', async () => {
    const list = await listAll();
    expect(list).toHaveLength(4);
    const x = await readXlsxExport(await call('GET', '/api/reservations/export?format=xlsx'));
    expect(x.rightToLeft).toBe(true);
    expect(x.header).toEqual(['کالا', 'انبار', 'مقدار', 'مرجع', 'مهلت', 'وضعیت', 'زمان ثبت', 'زمان بسته شدن']);
    expect(x.rows.map((r) => [r['کالا'], r['انبار'], r['مقدار'], r['وضعیت']])).toEqual(
      list.map((r) => [r.productName, r.warehouseName, Number(r.quantity), STATUS_FA[r.status]]),
    );
    const first = x.rows.find((r) => r['مرجع'] === 'پیش‌فاکتور 101')!;
    // 07:01 UTC on 10 March 2025 is 10:31 in Tehran on 20 Esfand 1403; the deadline two hours later.
    expect(first).toMatchObject({ 'کالا': 'برنج هاشمی', 'انبار': 'انبار مرکزی', 'مقدار': 2.5, 'وضعیت': 'فعال', 'مهلت': '1403/12/20 12:31', 'زمان ثبت': '1403/12/20 10:31', 'زمان بسته شدن': null });
    const released = x.rows.find((r) => r['وضعیت'] === 'آزادشده')!;
    expect(released['مرجع']).toBe("'=SUM(A1)");
    expect(released['زمان بسته شدن']).toMatch(/^1403\/12\/20 \d\d:\d\d$/);
  });

  it('honours the screen filters: status, warehouse, product and the reference search box (q, Arabic letters unified); CSV with the BOM; audited with them', async () => {
    const active = await listAll('&status=active');
    const csv = readCsvExport(await call('GET', '/api/reservations/export?format=csv&status=active'));
    expect(csv.bom).toBe(true);
    expect(csv.rows.map((r) => [r['کالا'], r['مقدار'], r['وضعیت']])).toEqual(active.map((r) => [r.productName, r.quantity, 'فعال']));

    const atBranch = await readXlsxExport(await call('GET', `/api/reservations/export?warehouseId=${branch.id}&productId=${rice.productId}`));
    expect(atBranch.rows.map((r) => [r['انبار'], r['مقدار']])).toEqual([['انبار شعبه', 3]]);

    // The list screen sends its search box as `q`; written with Arabic ي and ك it still finds the reference.
    const byRef = readCsvExport(await call('GET', `/api/reservations/export?format=csv&q=${encodeURIComponent('پيش‌فاكتور ۱۰۲')}`));
    expect(byRef.rows.map((r) => r['مرجع'])).toEqual(['پیش‌فاکتور 102']);
    expect(byRef.rows.map((r) => r['انبار'])).toEqual((await listAll(`&reference=${encodeURIComponent('پیش‌فاکتور 102')}`)).map((r) => r.warehouseName));

    const audits = (await ok('GET', '/api/audit-log?entity=export&entityId=reservations')).items as { action: string; actor: { id: string } | null; changes: { field: string; after: unknown }[] }[];
    expect(audits).toHaveLength(4);
    expect(Object.fromEntries(audits[0]!.changes.map((c) => [c.field, c.after]))).toEqual({ format: 'csv', reference: 'پیش‌فاکتور 102' });
    expect(Object.fromEntries(audits[1]!.changes.map((c) => [c.field, c.after]))).toEqual({ format: 'xlsx', warehouseId: branch.id, productId: rice.productId });
    expect(audits[0]).toMatchObject({ action: 'create', actor: { id: t.adminId } });
  });

  it('streams with the list keyset paging: pages of one give the same rows as the list', async () => {
    const ctx = systemCtx(t.app.db, t.tenantId, () => t.clock.now);
    const pages: string[][] = [];
    for await (const page of reservationExportPages(ctx, {}, 1)) pages.push(page.map((r) => r.id));
    expect(pages.filter((p) => p.length).every((p) => p.length === 1)).toBe(true);
    expect(pages.flat()).toEqual((await listAll()).map((r) => r.id));
  });

  it('needs reservations.export: 403 with only reservations.view; the default storekeeper and sales manager roles have it', async () => {
    const viewer = await userWithGrants(t, 'res-viewer', [{ permission: 'reservations.view', scope: 'all' }]);
    const refused = await api(t, viewer.token)('GET', '/api/reservations/export');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('شما اجازه انجام این کار را ندارید.');
    const exporter = await userWithGrants(t, 'res-exporter', [{ permission: 'reservations.view', scope: 'all' }, { permission: 'reservations.export', scope: 'all' }]);
    expect((await readCsvExport(await api(t, exporter.token)('GET', '/api/reservations/export?format=csv'))).rows).toHaveLength(4);

    const roles = (await ok('GET', '/api/roles')).items as { id: string; name: string }[];
    for (const name of ['انباردار', 'مدیر فروش']) {
      const grants = (await ok('GET', `/api/roles/${roles.find((r) => r.name === name)!.id}/permissions`)).grants as { permission: string }[];
      expect(grants.map((g) => g.permission)).toContain('reservations.export');
    }
  });
});
