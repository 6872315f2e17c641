import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { api, ledgerCount, makeProduct, makeWarehouse, postDoc, stockOf, type ProductFixture } from './inventory-fixture.js';

let t: TestApp;
let call: ReturnType<typeof api>;
let main: { id: string; name: string };
let branch: { id: string; name: string };
let rice: ProductFixture;
beforeAll(async () => {
  t = await createTestApp();
  call = api(t);
  main = await makeWarehouse(t, { name: 'انبار مرکزی' });
  branch = await makeWarehouse(t, { name: 'انبار شعبه' });
  rice = await makeProduct(t, { name: 'برنج هاشمی', decimals: 3, secondUnit: { name: 'کیسه', decimals: 0 } });
});
afterAll(async () => { await t?.close(); });

const docCount = async () => {
  const r = await t.app.db.execute(sql`select count(*)::int as n from stock_documents`);
  return (r as unknown as { rows: { n: number }[] }).rows[0]!.n;
};

describe('confirming each kind of document', () => {
  it('receipt adds, issue removes, transfer moves, adjustment sets the count — ledger and balances agree', async () => {
    const receipt = await postDoc(t, { kind: 'receipt', warehouseId: main.id, lines: [{ productId: rice.productId, quantity: '۱۰۰٫۵', quantity2: '۱۰' }] });
    expect(receipt).toMatchObject({ status: 'confirmed', kind: 'receipt', fiscalYear: 1405, number: 1, docDate: '2026-04-04' });
    expect(receipt.lines[0]).toMatchObject({ quantity: '100.5', quantity2: '10', productName: 'برنج هاشمی' });
    expect((await stockOf(t, rice.productId, main.id)).items[0]).toMatchObject({ onHand: '100.5', reserved: '0', sellable: '100.5', onHand2: '10' });

    const issue = await postDoc(t, { kind: 'issue', warehouseId: main.id, lines: [{ productId: rice.productId, quantity: '20.25', quantity2: 2 }] });
    expect(issue.number).toBe(1);
    expect((await stockOf(t, rice.productId, main.id)).items[0]).toMatchObject({ onHand: '80.25', onHand2: '8' });

    await postDoc(t, { kind: 'transfer', warehouseId: main.id, toWarehouseId: branch.id, lines: [{ productId: rice.productId, quantity: 30 }] });
    const s = await stockOf(t, rice.productId);
    expect(Object.fromEntries(s.items.map((i) => [i.warehouseId, i.onHand]))).toEqual({ [main.id]: '50.25', [branch.id]: '30' });
    expect(s.totals).toMatchObject({ onHand: '80.25', sellable: '80.25' });

    const adj = await postDoc(t, { kind: 'adjustment', warehouseId: branch.id, lines: [{ productId: rice.productId, quantity: '27.5' }] });
    expect((await stockOf(t, rice.productId, branch.id)).items[0]!.onHand).toBe('27.5');
    const card = (await call('GET', `/api/stock/card?productId=${rice.productId}&warehouseId=${branch.id}`)).json();
    expect(card.items.map((r: { quantity: string; balanceAfter: string }) => [r.quantity, r.balanceAfter])).toEqual([['30', '30'], ['-2.5', '27.5']]);
    expect(card.items[1]).toMatchObject({ documentId: adj.id, documentKind: 'adjustment' });

    const consistency = (await call('GET', '/api/stock/consistency')).json();
    expect(consistency).toMatchObject({ ok: true, differences: [] });
  });

  it('an exit permit moves nothing and may not exceed what its issue slip issued', async () => {
    const nuts = await makeProduct(t, { name: 'پسته' });
    await postDoc(t, { kind: 'receipt', warehouseId: main.id, lines: [{ productId: nuts.productId, quantity: 10 }] });
    const issue = await postDoc(t, { kind: 'issue', warehouseId: main.id, lines: [{ productId: nuts.productId, quantity: 6 }] });
    const before = await ledgerCount(t);
    const permit = await postDoc(t, { kind: 'exit_permit', warehouseId: main.id, sourceDocumentId: issue.id, lines: [{ productId: nuts.productId, quantity: 4 }] });
    expect(permit).toMatchObject({ kind: 'exit_permit', sourceDocumentId: issue.id, status: 'confirmed' });
    expect(await ledgerCount(t)).toBe(before);
    expect((await stockOf(t, nuts.productId, main.id)).items[0]!.onHand).toBe('4');
    const tooMuch = await call('POST', '/api/stock-documents', { kind: 'exit_permit', docDate: '1405/01/16', warehouseId: main.id, sourceDocumentId: issue.id, lines: [{ productId: nuts.productId, quantity: 3 }] });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors[0].path).toBe('lines.0.quantity');
    expect(tooMuch.json().errors[0].message).toContain('مقدار ردیف ۱ بیش از مانده حواله است؛ مانده خروج «پسته» ۲');
    const reverseIssue = await call('POST', `/api/stock-documents/${issue.id}/reverse`);
    expect(reverseIssue.statusCode).toBe(409);
    expect(reverseIssue.json().detail).toContain('مجوز خروج');
  });
});

describe('reversing and editing confirmed documents', () => {
  it('a reversal posts the exact opposite, links both ways, and cannot be repeated', async () => {
    const oil = await makeProduct(t, { name: 'روغن' });
    const receipt = await postDoc(t, { kind: 'receipt', warehouseId: main.id, lines: [{ productId: oil.productId, quantity: 12 }] });
    const res = await call('POST', `/api/stock-documents/${receipt.id}/reverse`);
    expect(res.statusCode).toBe(201);
    const reversal = res.json();
    expect(reversal).toMatchObject({ kind: 'receipt', status: 'confirmed', reversesId: receipt.id, number: receipt.number + 1 });
    expect((await call('GET', `/api/stock-documents/${receipt.id}`)).json().reversedById).toBe(reversal.id);
    expect((await stockOf(t, oil.productId, main.id)).items[0]!.onHand).toBe('0');
    const card = (await call('GET', `/api/stock/card?productId=${oil.productId}&warehouseId=${main.id}`)).json();
    expect(card.items.map((r: { quantity: string; balanceAfter: string }) => [r.quantity, r.balanceAfter])).toEqual([['12', '12'], ['-12', '0']]);
    const again = await call('POST', `/api/stock-documents/${receipt.id}/reverse`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('پیش‌تر برگشت خورده است');
  });

  it('reversing a receipt whose goods were already issued is refused with the sellable quantity', async () => {
    const tea = await makeProduct(t, { name: 'چای' });
    const receipt = await postDoc(t, { kind: 'receipt', warehouseId: main.id, lines: [{ productId: tea.productId, quantity: 5 }] });
    await postDoc(t, { kind: 'issue', warehouseId: main.id, lines: [{ productId: tea.productId, quantity: 3 }] });
    const res = await call('POST', `/api/stock-documents/${receipt.id}/reverse`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('insufficient_stock');
    expect(res.json().errors[0].message).toContain('موجودی قابل فروش «چای» در انبار «انبار مرکزی» ۲');
  });

  it('a confirmed document is neither edited nor deleted; a draft is', async () => {
    const doc = await postDoc(t, { kind: 'receipt', warehouseId: main.id, lines: [{ productId: rice.productId, quantity: 1 }] });
    const edit = await call('PATCH', `/api/stock-documents/${doc.id}`, { description: 'تغییر' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toContain('تایید شده است و ویرایش نمی‌شود');
    expect((await call('DELETE', `/api/stock-documents/${doc.id}`)).statusCode).toBe(409);
    expect((await call('POST', `/api/stock-documents/${doc.id}/confirm`)).statusCode).toBe(409);

    const draft = (await call('POST', '/api/stock-documents', { kind: 'receipt', docDate: '1405/02/01', warehouseId: main.id, lines: [{ productId: rice.productId, quantity: 1 }] })).json();
    const patched = await call('PATCH', `/api/stock-documents/${draft.id}`, { version: draft.version, kind: 'transfer', toWarehouseId: branch.id, lines: [{ productId: rice.productId, quantity: '2.125' }] });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ kind: 'transfer', toWarehouseId: branch.id, status: 'draft', version: 2 });
    expect(patched.json().lines[0].quantity).toBe('2.125');
    expect((await call('DELETE', `/api/stock-documents/${draft.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/stock-documents/${draft.id}`)).statusCode).toBe(404);
  });

  it('the ledger refuses UPDATE and DELETE at the database', async () => {
    const causeOf = (p: Promise<unknown>) => p.then(() => 'no error', (e: { cause?: { message?: string } }) => e.cause?.message ?? String(e));
    expect(await causeOf(t.app.db.execute(sql`update stock_movements set quantity = 999`))).toContain('stock_movements is append-only');
    expect(await causeOf(t.app.db.execute(sql`delete from stock_movements`))).toContain('stock_movements is append-only');
    expect((await call('GET', '/api/stock/consistency')).json().ok).toBe(true);
  });

  it('every create, change, confirm and delete is in the audit log', async () => {
    const r = await t.app.db.execute(sql`select action, count(*)::int as n from audit_log where entity = 'stockDocument' group by action order by action`);
    const byAction = Object.fromEntries((r as unknown as { rows: { action: string; n: number }[] }).rows.map((x) => [x.action, x.n]));
    expect(byAction.create).toBeGreaterThan(5);
    expect(byAction.update).toBeGreaterThan(5);
    expect(byAction.delete).toBe(1);
  });
});

describe('Idempotency-Key', () => {
  it('the same key and body replays the first answer; another body with that key is refused', async () => {
    const body = { kind: 'receipt', docDate: '1405/01/20', warehouseId: main.id, lines: [{ productId: rice.productId, quantity: 4 }] };
    const key = { 'idempotency-key': 'order-42-receipt' };
    const first = await call('POST', '/api/stock-documents', body, key);
    expect(first.statusCode).toBe(201);
    const docs = await docCount();
    const replay = await call('POST', '/api/stock-documents', body, key);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    expect(await docCount()).toBe(docs);
    const other = await call('POST', '/api/stock-documents', { ...body, lines: [{ productId: rice.productId, quantity: 5 }] }, key);
    expect(other.statusCode).toBe(409);
    expect(other.json().detail).toContain('این کلید تکرار (Idempotency-Key) پیش‌تر برای درخواست دیگری به کار رفته است');

    const ledger = await ledgerCount(t);
    const c1 = await call('POST', `/api/stock-documents/${first.json().id}/confirm`, undefined, { 'idempotency-key': 'confirm-1' });
    const c2 = await call('POST', `/api/stock-documents/${first.json().id}/confirm`, undefined, { 'idempotency-key': 'confirm-1' });
    expect([c1.statusCode, c2.statusCode]).toEqual([200, 200]);
    expect(c2.json()).toEqual(c1.json());
    expect(await ledgerCount(t)).toBe(ledger + 1);
  });
});

describe('bad input: a Persian message on the field and nothing written', () => {
  const cases: [string, () => Record<string, unknown>, string, string][] = [
    ['negative quantity', () => ({ kind: 'receipt', warehouseId: main.id, lines: [{ productId: rice.productId, quantity: '-۲' }] }), 'lines.0.quantity', 'مقدار ردیف ۱ باید بزرگ‌تر از صفر باشد'],
    ['zero quantity', () => ({ kind: 'issue', warehouseId: main.id, lines: [{ productId: rice.productId, quantity: 0 }] }), 'lines.0.quantity', 'مقدار ردیف ۱ باید بزرگ‌تر از صفر باشد'],
    ['text as quantity', () => ({ kind: 'receipt', warehouseId: main.id, lines: [{ productId: rice.productId, quantity: 'ده' }] }), 'lines.0.quantity', 'مقدار ردیف ۱ عدد معتبری نیست'],
    ['too many decimals for the unit', () => ({ kind: 'receipt', warehouseId: main.id, lines: [{ productId: rice.productId, quantity: 1 }, { productId: rice.productId, quantity: '1.2345' }] }), 'lines.1.quantity', 'مقدار ردیف ۲ حداکثر ۳ رقم اعشار می‌تواند داشته باشد'],
    ['decimals in a whole second unit', () => ({ kind: 'receipt', warehouseId: main.id, lines: [{ productId: rice.productId, quantity: 1, quantity2: '0.5' }] }), 'lines.0.quantity2', 'مقدار واحد دوم ردیف ۱ باید عدد صحیح باشد'],
    ['transfer to the same warehouse', () => ({ kind: 'transfer', warehouseId: main.id, toWarehouseId: main.id, lines: [{ productId: rice.productId, quantity: 1 }] }), 'toWarehouseId', 'انبار مقصد نمی‌تواند همان انبار مبدأ باشد'],
  ];
  for (const [name, body, path, message] of cases) {
    it(name, async () => {
      const docs = await docCount();
      const res = await call('POST', '/api/stock-documents', { docDate: '1405/01/15', ...body() });
      expect(res.statusCode).toBe(400);
      const err = res.json().errors.find((e: { path: string }) => e.path === path);
      expect(err?.message).toContain(message);
      expect(await docCount()).toBe(docs);
    });
  }

  it('an issue from an empty warehouse is refused at confirm, naming the product and the sellable quantity', async () => {
    const empty = await makeWarehouse(t, { name: 'انبار خالی' });
    const draft = (await call('POST', '/api/stock-documents', { kind: 'issue', docDate: '1405/01/15', warehouseId: empty.id, lines: [{ productId: rice.productId, quantity: 3 }] })).json();
    const ledger = await ledgerCount(t);
    const res = await call('POST', `/api/stock-documents/${draft.id}/confirm`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('insufficient_stock');
    expect(res.json().errors[0]).toMatchObject({ path: 'lines.0.quantity' });
    expect(res.json().errors[0].message).toMatch(/^موجودی قابل فروش «برنج هاشمی» در انبار «انبار خالی» ۰ .* است و ۳ .* درخواست شده است$/);
    expect(await ledgerCount(t)).toBe(ledger);
    expect((await call('GET', `/api/stock-documents/${draft.id}`)).json().status).toBe('draft');
  });

  it('a deleted product, a service and an inactive product are refused', async () => {
    const gone = await makeProduct(t, { name: 'کالای حذف‌شده', deleted: true });
    const service = await makeProduct(t, { name: 'نصب', kind: 'service' });
    const off = await makeProduct(t, { name: 'کالای غیرفعال', active: false });
    const docs = await docCount();
    const res = await call('POST', '/api/stock-documents', { kind: 'receipt', docDate: '1405/01/15', warehouseId: main.id, lines: [gone, service, off].map((p) => ({ productId: p.productId, quantity: 1 })) });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'lines.0.productId', message: 'کالای «کالای حذف‌شده» در ردیف ۱ حذف شده است و در سند تازه پذیرفته نمی‌شود' },
      { path: 'lines.1.productId', message: '«نصب» در ردیف ۲ خدمت است و موجودی انبار ندارد' },
      { path: 'lines.2.productId', message: 'کالای «کالای غیرفعال» در ردیف ۳ غیرفعال است' },
    ]);
    expect(await docCount()).toBe(docs);
  });

  it('negative stock is allowed when the warehouse or the product allows it', async () => {
    const loose = await makeWarehouse(t, { name: 'انبار آزاد', allowNegativeStock: true });
    await postDoc(t, { kind: 'issue', warehouseId: loose.id, lines: [{ productId: rice.productId, quantity: 2 }] });
    expect((await stockOf(t, rice.productId, loose.id)).items[0]!.onHand).toBe('-2');
    const flexible = await makeProduct(t, { name: 'کالای منفی‌پذیر', allowNegativeStock: true });
    await postDoc(t, { kind: 'issue', warehouseId: main.id, lines: [{ productId: flexible.productId, quantity: 1 }] });
    expect((await stockOf(t, flexible.productId, main.id)).items[0]!.sellable).toBe('-1');
  });
});

describe('lists and the stock card', () => {
  it('filters documents by kind, warehouse, status and Jalali date range, with keyset paging', async () => {
    const all = (await call('GET', `/api/stock-documents?kind=receipt&status=confirmed&from=${encodeURIComponent('۱۴۰۵/۰۱/۱۵')}&to=1405/01/15&limit=2`)).json();
    expect(all.items).toHaveLength(2);
    expect(all.items.every((d: { kind: string; status: string }) => d.kind === 'receipt' && d.status === 'confirmed')).toBe(true);
    const next = (await call('GET', `/api/stock-documents?kind=receipt&status=confirmed&from=1405/01/15&to=1405/01/15&limit=2&cursor=${all.nextCursor}`)).json();
    expect(next.items.map((d: { id: string }) => d.id)).not.toContain(all.items[0].id);
    const atBranch = (await call('GET', `/api/stock-documents?warehouseId=${branch.id}`)).json();
    expect(atBranch.items.every((d: { warehouseId: string; toWarehouseId: string | null }) => d.warehouseId === branch.id || d.toWarehouseId === branch.id)).toBe(true);
  });

  it('pages the card by seq with a continuous running balance and exports it', async () => {
    const salt = await makeProduct(t, { name: 'نمک' });
    for (let i = 1; i <= 5; i++) await postDoc(t, { kind: 'receipt', warehouseId: main.id, lines: [{ productId: salt.productId, quantity: i }] });
    const rows: { balanceAfter: string; quantity: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: typeof rows; nextCursor: string | null } = (await call('GET', `/api/stock/card?variantId=${salt.variantId}&warehouseId=${main.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(rows.map((r) => r.balanceAfter)).toEqual(['1', '3', '6', '10', '15']);
    const second = (await call('GET', `/api/stock/card?variantId=${salt.variantId}&warehouseId=${main.id}&limit=2&cursor=${(await call('GET', `/api/stock/card?variantId=${salt.variantId}&warehouseId=${main.id}&limit=2`)).json().nextCursor}`)).json();
    expect(second.openingBalance).toBe('3');
    const csv = await call('GET', `/api/stock/card/export?format=csv&productId=${salt.productId}`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toContain('تاریخ سند,نوع سند,شماره سند');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toContain('رسید انبار');
    expect(lines[5]).toContain(',15,');
  });
});
