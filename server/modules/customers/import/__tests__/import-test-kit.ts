// Shared by the import integration tests: uploads through multipart, the whole flow, files built in memory.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { startScheduler, type Scheduler } from '../../../../platform/jobs/index.js';
import type { TestApp } from '../../../../test-support/test-app.js';

export type Headers = Record<string, string>;

export function multipart(filename: string, bytes: Uint8Array | string) {
  const boundary = `----crm-import-${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const preview = (t: TestApp, h: Headers, filename: string, bytes: Uint8Array | string) => {
  const m = multipart(filename, bytes);
  return t.app.inject({ method: 'POST', url: '/api/customers/imports/preview', headers: { ...h, ...m.headers }, payload: m.payload });
};

export async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('مشتریان');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');

/** A valid national ID from nine digits (adds the check digit). */
export function nid(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const r = sum % 11;
  return nine + String(r < 2 ? r : 11 - r);
}

export const toFa = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

export async function scheduler(t: TestApp): Promise<Scheduler> {
  return startScheduler({ database: t.app.database, workerId: 'import-test', autoRun: false, now: () => t.clock.now, onError: () => undefined });
}

/** The test clock catches up with the database clock (jobs are due at the DB's now()), plus `ms`. */
export function catchUp(t: TestApp, ms = 1000) {
  t.clock.now = new Date(Math.max(Date.now(), t.clock.now.getTime()) + ms);
}

/** Runs due jobs until none is left. */
export async function drain(t: TestApp, s: Scheduler) {
  catchUp(t);
  for (let i = 0; i < 20 && (await s.runDueOnce()) > 0; i++) catchUp(t);
}

export type FlowOptions = { policy?: 'skip' | 'overwrite' | 'merge'; matchFields?: string[]; mapping?: Record<string, string>; defaultKind?: string };

/**
 * The validation pass as the wizard runs it: POST (queues it), the job, then its report. Fails the test
 * unless the import ends 'validated'.
 */
export async function validate(t: TestApp, h: Headers, s: Scheduler, body: Record<string, unknown>) {
  const v = await t.app.inject({ method: 'POST', url: '/api/customers/imports', headers: h, payload: body });
  expect(v.statusCode, v.body).toBe(200);
  expect(v.json().status).toBe('validating');
  await drain(t, s);
  const report = await t.app.inject({ method: 'GET', url: `/api/customers/imports/${v.json().id}/validation`, headers: h });
  expect(report.statusCode, report.body).toBe(200);
  return report.json();
}

/** preview → validate (suggested mapping unless given) → start → job; returns every step's answer. */
export async function importFile(t: TestApp, h: Headers, s: Scheduler, filename: string, bytes: Uint8Array | string, o: FlowOptions = {}) {
  const p = await preview(t, h, filename, bytes);
  expect(p.statusCode, p.body).toBe(200);
  const pv = p.json();
  const body = { fileId: pv.fileId, mapping: o.mapping ?? pv.suggestedMapping, policy: o.policy ?? 'skip', matchFields: o.matchFields ?? [], ...(o.defaultKind ? { defaultKind: o.defaultKind } : {}) };
  const validation = await validate(t, h, s, body);
  const st = await t.app.inject({ method: 'POST', url: `/api/customers/imports/${validation.id}/start`, headers: h });
  expect(st.statusCode, st.body).toBe(200);
  await drain(t, s);
  const done = (await t.app.inject({ method: 'GET', url: `/api/customers/imports/${validation.id}`, headers: h })).json();
  return { preview: pv, validation, result: done };
}

export async function readXlsx(raw: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return { ws, rows };
}
