// The store every import keeps its uploads in: read once at preview, each import opening only its own
// uploads in the formats it takes, whatever another import cached for the same bytes.
import { writeFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import type { Ctx } from '../../context.js';
import { inTenant } from '../../db/transactions.js';
import { derivedFileBase } from '../../files/files.service.js';
import { files } from '../../files/files.table.js';
import { AppError } from '../../http/app-error.js';
import { importUploads } from '../import-uploads.js';
import { collect } from '../readers/__tests__/helpers.js';

const csvOnly = importUploads({ owner: 'uploadsTestCsv', mayRead: async () => true, accept: { formats: ['csv'], refusal: 'این ورود فقط CSV می‌پذیرد.' } });
const anyFormat = importUploads({ owner: 'uploadsTestAny', mayRead: async () => true });

let t: TestApp;
let ctx: Ctx;
beforeAll(async () => {
  t = await createTestApp();
  ctx = {
    db: t.app.database.db, tenantId: t.tenantId, userId: t.adminId, requestId: 'test', now: () => new Date(),
    principal: { kind: 'user', tenantId: t.tenantId, tenantName: '', userId: t.adminId, apiKeyId: null, unitId: null, isAdmin: true, permissions: {}, locale: 'fa', sessionId: null, csrfToken: null, viaCookie: false },
  };
});
afterAll(async () => { await t?.close(); });

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('a');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};


describe('import uploads', () => {
  it('parses at preview and later reads the rows cache, not the stored bytes', async () => {
    const buffer = Buffer.from('نام,کد\nالف,1\nب,2\nپ,3\n', 'utf8');
    const parsed = await csvOnly.parseUpload(buffer, 'a.csv', 2);
    expect(parsed).toMatchObject({ format: 'csv', headers: ['نام', 'کد'], totalRows: 3, sampleRows: [['الف', '1'], ['ب', '2']] });
    const fileId = await inTenant(ctx.db, ctx, (tx) => csvOnly.storeImportFile(tx, ctx, { buffer, filename: 'a.csv', format: 'csv' }));
    const [row] = await inTenant(ctx.db, ctx, (tx) => tx.select().from(files).where(eq(files.id, fileId)));
    expect(row).toMatchObject({ ownerEntity: 'uploadsTestCsv', ownerId: t.adminId, mime: 'text/csv' });
    await writeFile(derivedFileBase(row!.sha256), 'spoiled');
    const opened = await csvOnly.openParsedImport(ctx, fileId);
    expect(opened).toMatchObject({ filename: 'a.csv', format: 'csv', totalRows: 3 });
    expect((await collect(opened.rows)).map((r) => r.rowNumber)).toEqual([2, 3, 4]);
  });

  it('refuses a format the import does not take with its own message, and a broken file with the reader\'s', async () => {
    const wrong = await refusal(csvOnly.parseUpload(await xlsx([['a'], ['b']]), 'a.xlsx', 10));
    expect(wrong).toMatchObject({ code: 'unsupported_media_type', message: 'این ورود فقط CSV می‌پذیرد.' });
    const broken = await refusal(anyFormat.parseUpload(Buffer.from('not a workbook'), 'a.xlsx', 10));
    expect(broken.message).toMatch(/[\u0600-\u06FF]/);
  });

  it('opens only its own uploads, and checks the format also when another import cached the same bytes', async () => {
    const buffer = await xlsx([['نام'], ['الف']]);
    await anyFormat.parseUpload(buffer, 'b.xlsx', 10);
    const theirs = await inTenant(ctx.db, ctx, (tx) => anyFormat.storeImportFile(tx, ctx, { buffer, filename: 'b.xlsx', format: 'xlsx' }));
    expect(await refusal(csvOnly.openParsedImport(ctx, theirs))).toMatchObject({ code: 'not_found', message: 'فایل بارگذاری‌شده پیدا نشد؛ آن را دوباره بارگذاری کنید.' });
    const mine = await inTenant(ctx.db, ctx, (tx) => csvOnly.storeImportFile(tx, ctx, { buffer, filename: 'b.xlsx', format: 'csv' }));
    expect(await refusal(csvOnly.openParsedImport(ctx, mine))).toMatchObject({ code: 'unsupported_media_type', message: 'این ورود فقط CSV می‌پذیرد.' });
  });
});
