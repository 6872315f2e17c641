// An import's uploaded file: stored content-addressed like every upload, parsed ONCE (at preview) into a
// rows cache next to it that every later pass reads, and the readers' Persian refusals turned into
// problem+json. Each importing module makes its own with importUploads(): its owner name, the formats it
// takes and who may read its uploads are its rules.
import { createHash } from 'node:crypto';
import type { Ctx } from '../context.js';
import type { Tx } from '../db/types.js';
import { derivedFileBase, readFileFor, registerFileOwner, storeBytes } from '../files/files.service.js';
import { files } from '../files/files.table.js';
import { AppError } from '../http/app-error.js';
import { readParsedRows, writeParsedRows, type ParsedRows, type ParsedRowsInfo } from './parsed-rows.js';
import { ImportFileError, readImportFile, type ImportFile, type ImportFormat, type ImportRow } from './readers/index.js';

const MIME: Record<ImportFormat, string> = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', vcf: 'text/vcard' };
const TYPE_CODES = new Set(['binary_file', 'format_mismatch', 'unsupported_format']);
const GONE = 'فایل بارگذاری‌شده پیدا نشد؛ آن را دوباره بارگذاری کنید.';

export type ImportUploadsOptions<F extends ImportFormat> = {
  /** files.owner_entity of the stored uploads; an import opens only its own. */
  owner: string;
  /** Who may read an upload, by its uploader (the files row's owner id). */
  mayRead: (ctx: Ctx, uploaderId: string) => Promise<boolean>;
  /** Without it every format the readers know is taken; a readable file of another format gets `refusal`. */
  accept?: { formats: readonly F[]; refusal: string };
};

export type ImportUploads<F extends ImportFormat> = {
  /** Reads the whole upload: counts its rows, keeps the first `sample` and writes the rows cache the later passes read. */
  parseUpload(bytes: Buffer, filename: string, sample: number): Promise<ParsedRowsInfo & { format: F; sampleRows: string[][] }>;
  /** Stores the upload as the current user's; returns its files id. */
  storeImportFile(tx: Tx, ctx: Ctx, input: { buffer: Buffer; filename: string; format: F }): Promise<string>;
  /** The upload's rows from its cache; an upload without one (older than the cache) is parsed and cached now. */
  openParsedImport(ctx: Ctx, fileId: string): Promise<ParsedRows & { format: F; filename: string }>;
};

function fileProblem(err: unknown): unknown {
  if (!(err instanceof ImportFileError)) return err;
  const code = TYPE_CODES.has(err.code) ? 'unsupported_media_type' : 'validation';
  return new AppError(code, { detail: err.message, errors: [{ path: 'file', message: err.message }] });
}

/** A file broken further down than its first rows also becomes a 4xx. */
async function* rowsOf(file: ImportFile): AsyncGenerator<ImportRow> {
  try {
    for await (const row of file.rows) yield row;
  } catch (err) {
    throw fileProblem(err);
  }
}

export function importUploads<F extends ImportFormat = ImportFormat>(options: ImportUploadsOptions<F>): ImportUploads<F> {
  const { owner, accept } = options;
  registerFileOwner(owner, options.mayRead);

  function checkFormat<T extends { format: ImportFormat }>(file: T): T & { format: F } {
    if (accept && !(accept.formats as readonly ImportFormat[]).includes(file.format)) {
      throw new AppError('unsupported_media_type', { detail: accept.refusal, errors: [{ path: 'file', message: accept.refusal }] });
    }
    return file as T & { format: F };
  }

  /** The right reader for the file; a refused file becomes a 4xx with a Persian message. */
  async function openImportFile(bytes: Uint8Array, filename: string) {
    let file: ImportFile;
    try {
      file = await readImportFile(bytes, filename);
    } catch (err) {
      throw fileProblem(err);
    }
    return checkFormat(file);
  }

  /** The uploaded bytes and their files row, if this is one of this import's uploads and the user may read it; else 404. */
  async function loadImportFile(ctx: Ctx, fileId: string) {
    const { row, bytes } = await readFileFor(ctx, fileId).catch((err: unknown) => {
      throw err instanceof AppError ? new AppError('not_found', { detail: GONE }) : err;
    });
    if (row.ownerEntity !== owner) throw new AppError('not_found', { detail: GONE });
    return { row, bytes, filename: row.originalName };
  }

  return {
    async parseUpload(bytes, filename, sample) {
      const file = await openImportFile(bytes, filename);
      const sha = createHash('sha256').update(bytes).digest('hex');
      const sampleRows: string[][] = [];
      const info = await writeParsedRows(derivedFileBase(sha), file, rowsOf(file), (row, i) => {
        if (i < sample) sampleRows.push(row.values);
      });
      return { ...info, format: file.format, sampleRows };
    },

    // saveFile sniffs with file-type, which knows no text formats; the readers already checked the content.
    async storeImportFile(tx, ctx, input) {
      const sha256 = await storeBytes(input.buffer);
      const [row] = await tx
        .insert(files)
        .values({
          tenantId: ctx.tenantId, sha256, size: input.buffer.length, mime: MIME[input.format], originalName: input.filename.slice(0, 200),
          ownerEntity: owner, ownerId: ctx.userId ?? '', createdBy: ctx.userId, createdAt: ctx.now(),
        })
        .returning({ id: files.id });
      return row!.id;
    },

    async openParsedImport(ctx, fileId) {
      const { row, bytes, filename } = await loadImportFile(ctx, fileId);
      const base = derivedFileBase(row.sha256);
      let parsed = await readParsedRows(base);
      if (!parsed) {
        const file = await openImportFile(bytes, filename);
        await writeParsedRows(base, file, rowsOf(file));
        parsed = await readParsedRows(base);
        if (!parsed) throw new Error(`rows cache of file ${fileId} was not written`);
      }
      // The cache is shared by every import of the same bytes: the format this import takes is checked here too.
      return { ...checkFormat(parsed), filename };
    },
  };
}
