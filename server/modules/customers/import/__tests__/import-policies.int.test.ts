import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scheduler } from '../../../../platform/jobs/index.js';
import { bearer, createTestApp, type TestApp } from '../../../../test-support/test-app.js';
import { csv, importFile, nid, preview, readXlsx, scheduler, toFa, validate, xlsx } from './import-test-kit.js';

let t: TestApp;
let h: Record<string, string>;
let s: Scheduler;
beforeAll(async () => { t = await createTestApp(); h = bearer(t.adminToken); s = await scheduler(t); });
afterAll(async () => { await s?.stop(); await t?.close(); });

const api = (method: string, url: string, payload?: unknown) =>
  t.app.inject({ method: method as 'GET', url, headers: h, ...(payload !== undefined ? { payload: payload as object } : {}) });
const create = async (body: Record<string, unknown>) => {
  const res = await api('POST', '/api/customers', body);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
};
const getCustomer = async (id: string) => (await api('GET', `/api/customers/${id}`)).json();
const byNationalId = async (n: string) => (await api('GET', `/api/customers?q=${n}`)).json().items;
let seq = 100_000_000;
const nextNid = () => nid(String((seq += 7919)));

const HEADERS = ['نام', 'نام خانوادگی', 'کد ملی', 'موبایل', 'ایمیل', 'درجه'];
const fileOf = async (format: 'csv' | 'xlsx', rows: string[][]) =>
  format === 'csv' ? Buffer.from(csv([HEADERS, ...rows]), 'utf8') : await xlsx([HEADERS, ...rows]);

describe('duplicate policies', () => {
  const cases = (['csv', 'xlsx'] as const).flatMap((format) => (['skip', 'overwrite', 'merge'] as const).map((policy) => [format, policy] as const));
  it.each(cases)('%s with %s: matched by a national ID typed in Persian digits; the other row is created', async (format, policy) => {
    const existingNid = nextNid();
    const newNid = nextNid();
    const old = await create({ kind: 'natural', firstName: 'مینا', lastName: 'صادقی', nationalId: existingNid, mobile: '09121110001', email: 'mina@old.ir', grade: 'A' });
    const bytes = await fileOf(format, [
      ['مینا', 'صادقی‌نیا', toFa(existingNid), '', 'mina@new.ir', ''],
      ['علی', 'رضایی', newNid, '۰۹۱۲۱۱۱۰۰۰۳', '', 'B'],
    ]);
    const { validation, result } = await importFile(t, h, s, `customers.${format}`, bytes, { policy, matchFields: ['nationalId'] });
    expect(validation).toMatchObject({ totalRows: 2, valid: 2, rejected: [], wouldCreate: 1, wouldUpdate: policy === 'skip' ? 0 : 1, wouldSkip: policy === 'skip' ? 1 : 0 });
    expect(result).toMatchObject({
      status: 'done', totalRows: 2, processedRows: 2, created: 1, rejected: 0,
      skipped: policy === 'skip' ? 1 : 0, overwritten: policy === 'overwrite' ? 1 : 0, merged: policy === 'merge' ? 1 : 0,
    });

    const after = await getCustomer(old.id);
    if (policy === 'skip') expect(after).toMatchObject({ lastName: 'صادقی', email: 'mina@old.ir', mobile: '09121110001', grade: 'A', version: old.version });
    // Merge: only non-empty cells change; the empty mobile and grade cells keep what was there.
    if (policy === 'merge') expect(after).toMatchObject({ lastName: 'صادقی‌نیا', email: 'mina@new.ir', mobile: '09121110001', grade: 'A' });
    // Overwrite: every mapped field takes the file's value, empty ones become empty.
    if (policy === 'overwrite') expect(after).toMatchObject({ lastName: 'صادقی‌نیا', email: 'mina@new.ir', mobile: null, grade: null });

    const [created] = await byNationalId(newNid);
    expect(created).toMatchObject({ kind: 'natural', firstName: 'علی', lastName: 'رضایی', mobile: '09121110003', grade: 'B' });
  });
});

describe('validation pass', () => {
  it('rejects the later of two rows with the same national ID, naming the first row, and writes nothing before start', async () => {
    const a = nextNid();
    const bytes = csv([HEADERS, ['الف', 'یکم', a, '', '', ''], ['ب', 'دوم', nextNid(), '', '', ''], ['پ', 'سوم', toFa(a), '', '', '']]);
    const p = (await preview(t, h, 'dups.csv', bytes)).json();
    const v = await validate(t, h, s, { fileId: p.fileId, mapping: p.suggestedMapping, policy: 'skip', matchFields: ['nationalId'] });
    expect(v).toMatchObject({ totalRows: 3, valid: 2, wouldCreate: 2 });
    expect(v.rejected).toEqual([{ rowNumber: 4, reasons: ['تکراری با ردیف ۲ همین فایل: کد ملی یکسان است'], values: ['پ', 'سوم', toFa(a), '', '', ''] }]);
    expect(await byNationalId(a)).toEqual([]);
    expect((await api('GET', `/api/customers/imports/${v.id}`)).json()).toMatchObject({ status: 'validated', totalRows: 3, rejected: 1, created: 0 });
  });

  it('rejects a bad national ID and mobile with Persian reasons naming the field; the XLSX of rejected rows has them, formulas neutralized', async () => {
    const bytes = csv([
      HEADERS,
      ['درست', 'ردیف', nextNid(), '09121234567', '', ''],
      ['=HYPERLINK("http://evil.example","x")', 'بد', '1234567890', '0912', 'not-an-email', ''],
    ]);
    const { validation, result } = await importFile(t, h, s, 'bad.csv', bytes, { policy: 'skip', matchFields: ['nationalId'] });
    expect(validation.rejected).toHaveLength(1);
    expect(validation.rejected[0].rowNumber).toBe(3);
    expect(validation.rejected[0].reasons).toEqual(expect.arrayContaining(['کد ملی معتبر نیست', 'شماره موبایل معتبر نیست', 'نشانی ایمیل معتبر نیست']));
    expect(result).toMatchObject({ status: 'done', created: 1, rejected: 1 });

    const res = await api('GET', `/api/customers/imports/${result.id}/rejected`);
    expect(res.statusCode).toBe(200);
    const { ws, rows } = await readXlsx(res.rawPayload);
    expect(ws.views[0]?.rightToLeft).toBe(true);
    expect(rows[0]).toEqual(['ردیف', ...HEADERS, 'دلیل رد']);
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe(3);
    expect(rows[1]![1]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(String(rows[1]![7])).toContain('کد ملی معتبر نیست');
    expect(String(rows[1]![7])).toContain('شماره موبایل معتبر نیست');
  });

  it('refuses a mapping that names a match field no column holds, and a field mapped twice', async () => {
    const p = (await preview(t, h, 'm.csv', csv([HEADERS, ['الف', 'ب', nextNid(), '', '', '']]))).json();
    const noMatch = await api('POST', '/api/customers/imports', { fileId: p.fileId, mapping: { 1: 'lastName' }, policy: 'merge', matchFields: ['mobile'] });
    expect(noMatch.statusCode).toBe(400);
    expect(noMatch.json().errors[0].message).toBe('فیلد تطبیق «شماره موبایل» به هیچ ستونی نگاشت نشده است');
    const twice = await api('POST', '/api/customers/imports', { fileId: p.fileId, mapping: { 0: 'lastName', 1: 'lastName' }, policy: 'skip', matchFields: [] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].message).toContain('هر دو به «نام خانوادگی» نگاشت شده‌اند');
  });
});

describe('undo', () => {
  it('deletes what the import created and restores what it overwrote, exactly; a second undo is refused', async () => {
    const c = await create({ kind: 'natural', firstName: 'سارا', lastName: 'امینی', nationalId: nextNid(), mobile: '09125550001', email: 's@old.ir', grade: 'VIP', tags: ['قدیمی'],
      addresses: [{ provinceId: 4, cityId: 4001, address: 'خیابان چهارباغ' }] });
    const before = await getCustomer(c.id);
    const newNid = nextNid();
    const bytes = await xlsx([
      ['نام', 'نام خانوادگی', 'کد ملی', 'موبایل', 'ایمیل', 'درجه', 'برچسب', 'استان', 'شهر', 'آدرس'],
      ['سارا', 'امینی‌فر', c.nationalId, '', 'sara@new.ir', '', 'جدید، نمایشگاه', 'تهران', 'تهران', 'خیابان ولیعصر'],
      ['نو', 'آمده', newNid, '09125550002', '', '', '', '', '', ''],
    ]);
    const { result } = await importFile(t, h, s, 'undo.xlsx', bytes, { policy: 'overwrite', matchFields: ['nationalId'] });
    expect(result).toMatchObject({ status: 'done', created: 1, overwritten: 1 });
    const changed = await getCustomer(c.id);
    expect(changed).toMatchObject({ lastName: 'امینی‌فر', email: 'sara@new.ir', mobile: null, grade: null, tags: ['جدید', 'نمایشگاه'], provinceName: 'تهران' });
    expect(changed.addresses.map((a: { address: string }) => a.address)).toEqual(['خیابان ولیعصر']);

    const undo = await api('POST', `/api/customers/imports/${result.id}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toMatchObject({ status: 'undone', removed: 1, restored: 1, missing: 0 });
    const restored = await getCustomer(c.id);
    const strip = ({ version: _v, updatedAt: _u, addresses, ...rest }: Record<string, unknown>) => ({ ...rest, addresses: (addresses as { id: string }[]).map(({ id: _id, ...a }) => a) });
    expect(strip(restored)).toEqual(strip(before));
    expect(await byNationalId(newNid)).toEqual([]);

    const again = await api('POST', `/api/customers/imports/${result.id}/undo`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('این ورود قبلاً برگردانده شده است.');
  });

  it('refuses to undo an import that has not run', async () => {
    const p = (await preview(t, h, 'n.csv', csv([HEADERS, ['الف', 'ب', nextNid(), '', '', '']]))).json();
    const v = await validate(t, h, s, { fileId: p.fileId, mapping: p.suggestedMapping, policy: 'skip', matchFields: [] });
    const res = await api('POST', `/api/customers/imports/${v.id}/undo`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('هنوز تمام نشده است');
  });
});
