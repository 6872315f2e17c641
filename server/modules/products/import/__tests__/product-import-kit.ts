// Shared by the product import tests: the catalog they import into (warehouses, price lists), the
// whole flow through HTTP, and XLSX files built in memory with exceljs.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Scheduler } from '../../../../platform/jobs/index.js';
import { bearer, type TestApp } from '../../../../test-support/test-app.js';
import { drain, multipart, readXlsx, scheduler } from '../../../customers/import/__tests__/import-test-kit.js';

export { drain, multipart, readXlsx, scheduler };
export type Headers = Record<string, string>;
export type Api = ReturnType<typeof apiFor>;

export function apiFor(t: TestApp, token = t.adminToken) {
  const h = bearer(token);
  const call = (method: string, url: string, payload?: unknown, headers = h) =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async <T = Record<string, any>>(method: string, url: string, payload?: unknown): Promise<T> => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await call(method, url, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
    return (res.body ? res.json() : undefined) as T;
  };
  return { h, call, ok };
}

export async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('کالاها');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const preview = (t: TestApp, h: Headers, filename: string, bytes: Uint8Array | string) => {
  const m = multipart(filename, bytes);
  return t.app.inject({ method: 'POST', url: '/api/products/imports/preview', headers: { ...h, ...m.headers }, payload: m.payload });
};

let n = 0;
export async function warehouse(api: Api, name: string) {
  return api.ok<{ id: string; name: string }>('POST', '/api/warehouses', { code: `WI${++n}`, name });
}
export async function priceList(api: Api, name: string) {
  return api.ok<{ id: string; name: string }>('POST', '/api/price-lists', { name, priority: ++n });
}

export type FlowOptions = { policy?: 'skip' | 'overwrite' | 'merge'; matchFields?: string[]; mapping?: Record<string, string> };

/** preview → validate (suggested mapping unless given) → start → job; returns every step's answer. */
export async function importFile(t: TestApp, api: Api, s: Scheduler, filename: string, bytes: Uint8Array | string, o: FlowOptions = {}) {
  const p = await preview(t, api.h, filename, bytes);
  expect(p.statusCode, p.body).toBe(200);
  const pv = p.json();
  const body = { fileId: pv.fileId, mapping: o.mapping ?? pv.suggestedMapping, policy: o.policy ?? 'skip', matchFields: o.matchFields ?? ['code'] };
  const v = await api.call('POST', '/api/products/imports', body);
  expect(v.statusCode, v.body).toBe(200);
  const validation = v.json();
  const st = await api.call('POST', `/api/products/imports/${validation.id}/start`);
  expect(st.statusCode, st.body).toBe(200);
  await drain(t, s);
  const result = await api.ok('GET', `/api/products/imports/${validation.id}`);
  return { preview: pv, validation, result };
}

export async function productByCode(api: Api, code: string) {
  const { items } = await api.ok<{ items: Record<string, any>[] }>('GET', `/api/products?q=${encodeURIComponent(code)}`); // eslint-disable-line @typescript-eslint/no-explicit-any
  return items.find((p) => p.code === code);
}

export async function onHand(api: Api, productId: string, warehouseId: string) {
  const r = await api.ok<{ totals: { onHand: string } }>('GET', `/api/stock?productId=${productId}&warehouseId=${warehouseId}`);
  return r.totals.onHand;
}

export async function priceIn(api: Api, listId: string, productId: string) {
  const { items } = await api.ok<{ items: { productId: string; variantId: string | null; price: string }[] }>('GET', `/api/price-lists/${listId}/items`);
  return items.find((i) => i.productId === productId && !i.variantId)?.price ?? null;
}
