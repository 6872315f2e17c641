// The uploaded products file: stored content-addressed like every upload, read back for each pass, and
// the readers' Persian refusals turned into problem+json. VCF makes no sense for products: refused.
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/types.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { readFileFor, registerFileOwner, storeBytes } from '../../../platform/files/files.service.js';
import { files } from '../../../platform/files/files.table.js';
import { AppError } from '../../../platform/http/app-error.js';
import { ImportFileError, readImportFile, type ImportFile, type ImportRow } from '../../../platform/import/readers/index.js';
import { ownerScopeCondition } from '../../access/index.js';
import { users } from '../../staff/index.js';

export const FILE_OWNER = 'productImport';
const MIME = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
const TYPE_CODES = new Set(['binary_file', 'format_mismatch', 'unsupported_format']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The uploader's file is readable by whoever may see their imports (products.import with that scope).
registerFileOwner(FILE_OWNER, async (ctx, uploaderId) =>
  UUID.test(uploaderId) && inTenant(ctx.db, ctx, async (tx) => {
    const scope = await ownerScopeCondition(tx, ctx, 'products.import', users.id).catch(() => null);
    if (scope === null) return false;
    const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, uploaderId), scope));
    return rows.length > 0;
  }),
);

function fileProblem(err: unknown): unknown {
  if (!(err instanceof ImportFileError)) return err;
  const code = TYPE_CODES.has(err.code) ? 'unsupported_media_type' : 'validation';
  return new AppError(code, { detail: err.message, errors: [{ path: 'file', message: err.message }] });
}

export type ProductImportFile = ImportFile & { format: 'csv' | 'xlsx' };

/** Opens a CSV or XLSX file; anything else, or a refused file, becomes a 4xx with a Persian message. */
export async function openImportFile(bytes: Uint8Array, filename: string): Promise<ProductImportFile> {
  let file: ImportFile;
  try {
    file = await readImportFile(bytes, filename);
  } catch (err) {
    throw fileProblem(err);
  }
  if (file.format === 'vcf') {
    const detail = 'فایل کارت ویزیت (VCF) برای کالاها معنا ندارد؛ فهرست کالاها را به صورت اکسل (XLSX) یا CSV بارگذاری کنید.';
    throw new AppError('unsupported_media_type', { detail, errors: [{ path: 'file', message: detail }] });
  }
  return file as ProductImportFile;
}

export async function* rowsOf(file: ImportFile): AsyncGenerator<ImportRow> {
  try {
    for await (const row of file.rows) yield row;
  } catch (err) {
    throw fileProblem(err);
  }
}

export async function storeImportFile(tx: Tx, ctx: Ctx, input: { buffer: Buffer; filename: string; format: 'csv' | 'xlsx' }) {
  const sha256 = await storeBytes(input.buffer);
  const [row] = await tx.insert(files).values({
    tenantId: ctx.tenantId, sha256, size: input.buffer.length, mime: MIME[input.format], originalName: input.filename.slice(0, 200),
    ownerEntity: FILE_OWNER, ownerId: ctx.userId ?? '', createdBy: ctx.userId, createdAt: ctx.now(),
  }).returning({ id: files.id });
  return row!.id;
}

/** The uploaded bytes, if this is a products-import upload the user may read; else 404. */
export async function loadImportFile(ctx: Ctx, fileId: string) {
  const gone = () => new AppError('not_found', { detail: 'فایل بارگذاری‌شده پیدا نشد؛ آن را دوباره بارگذاری کنید.' });
  const { row, bytes } = await readFileFor(ctx, fileId).catch((err: unknown) => {
    throw err instanceof AppError ? gone() : err;
  });
  if (row.ownerEntity !== FILE_OWNER) throw gone();
  return { bytes, filename: row.originalName };
}
