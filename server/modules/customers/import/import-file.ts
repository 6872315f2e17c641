// The uploaded file: stored content-addressed like every upload, parsed ONCE (at preview) into a rows
// cache next to it that every later pass reads, and the readers' Persian refusals turned into problem+json.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/types.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { derivedFileBase, readFileFor, registerFileOwner, storeBytes } from '../../../platform/files/files.service.js';
import { files } from '../../../platform/files/files.table.js';
import { AppError } from '../../../platform/http/app-error.js';
import { ownerScopeCondition } from '../../access/index.js';
import { users } from '../../staff/index.js';
import { readParsedRows, writeParsedRows, type ParsedRows, type ParsedRowsInfo } from '../../../platform/import/parsed-rows.js';
import { ImportFileError, readImportFile, type ImportFile, type ImportRow } from '../../../platform/import/readers/index.js';

export const FILE_OWNER = 'customerImport';
const MIME = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', vcf: 'text/vcard' } as const;
const TYPE_CODES = new Set(['binary_file', 'format_mismatch', 'unsupported_format']);

// The uploader's file is readable by whoever may see their imports (customers.import with that scope).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
registerFileOwner(FILE_OWNER, async (ctx, uploaderId) =>
  UUID.test(uploaderId) && inTenant(ctx.db, ctx, async (tx) => {
    const scope = await ownerScopeCondition(tx, ctx, 'customers.import', users.id).catch(() => null);
    if (scope === null) return false;
    const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, uploaderId), scope));
    return rows.length > 0;
  }),
);

export function fileProblem(err: unknown): unknown {
  if (!(err instanceof ImportFileError)) return err;
  const code = TYPE_CODES.has(err.code) ? 'unsupported_media_type' : 'validation';
  return new AppError(code, { detail: err.message, errors: [{ path: 'file', message: err.message }] });
}

/** Opens the file with the right reader; a refused file becomes a 4xx with the reader's Persian message. */
export async function openImportFile(bytes: Uint8Array, filename: string): Promise<ImportFile> {
  try {
    return await readImportFile(bytes, filename);
  } catch (err) {
    throw fileProblem(err);
  }
}

/** Rows one by one; a file broken further down also becomes a 4xx. */
export async function* rowsOf(file: ImportFile): AsyncGenerator<ImportRow> {
  try {
    for await (const row of file.rows) yield row;
  } catch (err) {
    throw fileProblem(err);
  }
}

/** saveFile sniffs with file-type, which knows no text formats; the readers already checked the content. */
export async function storeImportFile(tx: Tx, ctx: Ctx, input: { buffer: Buffer; filename: string; format: ImportFile['format'] }) {
  const sha256 = await storeBytes(input.buffer);
  const [row] = await tx
    .insert(files)
    .values({
      tenantId: ctx.tenantId, sha256, size: input.buffer.length, mime: MIME[input.format], originalName: input.filename.slice(0, 200),
      ownerEntity: FILE_OWNER, ownerId: ctx.userId ?? '', createdBy: ctx.userId, createdAt: ctx.now(),
    })
    .returning({ id: files.id });
  return row!.id;
}

/** The uploaded bytes and their files row, if this is an import upload the user may read; else 404. */
async function loadImportFile(ctx: Ctx, fileId: string) {
  const { row, bytes } = await readFileFor(ctx, fileId).catch((err: unknown) => {
    throw err instanceof AppError ? new AppError('not_found', { detail: 'فایل بارگذاری‌شده پیدا نشد؛ آن را دوباره بارگذاری کنید.' }) : err;
  });
  if (row.ownerEntity !== FILE_OWNER) throw new AppError('not_found', { detail: 'فایل بارگذاری‌شده پیدا نشد؛ آن را دوباره بارگذاری کنید.' });
  return { row, bytes, filename: row.originalName };
}

/**
 * Reads the whole upload once: counts its rows, keeps the first `sample`, and writes the rows cache the
 * later passes read (keyed by the bytes' hash, like the stored upload itself).
 */
export async function parseUpload(bytes: Buffer, filename: string, sample: number): Promise<ParsedRowsInfo & { sampleRows: string[][] }> {
  const file = await openImportFile(bytes, filename);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const sampleRows: string[][] = [];
  const info = await writeParsedRows(derivedFileBase(sha), file, rowsOf(file), (row, i) => {
    if (i < sample) sampleRows.push(row.values);
  });
  return { ...info, sampleRows };
}

/** The upload's rows from its cache; an upload without one (older than the cache) is parsed and cached now. */
export async function openParsedImport(ctx: Ctx, fileId: string): Promise<ParsedRows & { filename: string }> {
  const { row, bytes, filename } = await loadImportFile(ctx, fileId);
  const base = derivedFileBase(row.sha256);
  let parsed = await readParsedRows(base);
  if (!parsed) {
    const file = await openImportFile(bytes, filename);
    await writeParsedRows(base, file, rowsOf(file));
    parsed = await readParsedRows(base);
    if (!parsed) throw new Error(`rows cache of file ${fileId} was not written`);
  }
  return { ...parsed, filename };
}
