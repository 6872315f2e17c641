import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Ctx } from '../context.js';
import type { Tx } from '../db/types.js';
import { inTenant } from '../db/transactions.js';
import { AppError } from '../http/app-error.js';
import { files } from './files.table.js';

export const ACCEPT = {
  image: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
  document: ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'],
  audio: ['audio/mpeg', 'audio/wav', 'audio/x-wav', 'audio/ogg', 'audio/mp4', 'audio/webm'],
} as const;

let filesRoot = '';
export const setFilesRoot = (dataDir: string) => {
  filesRoot = join(dataDir, 'files');
};
const pathOf = (sha: string) => join(filesRoot, sha.slice(0, 2), sha);

/** Where files computed from stored bytes go (an upload's parsed rows): next to the bytes, named by the same hash. */
export function derivedFileBase(sha: string): string {
  if (!filesRoot) throw new Error('files root not set');
  return pathOf(sha);
}

/** Scratch space for work in progress (a job's intermediate files); whoever writes there removes it. */
export function workPath(...parts: string[]): string {
  if (!filesRoot) throw new Error('files root not set');
  return join(filesRoot, 'work', ...parts);
}

/** Checks the bytes, not the name: the declared type must match what the content really is. */
export async function sniff(buffer: Buffer, accept: readonly string[]): Promise<string> {
  if (buffer.length === 0) throw new AppError('validation', { detail: 'فایل خالی است.', errors: [{ path: 'file', message: 'فایل خالی است' }] });
  const type = await fileTypeFromBuffer(buffer);
  if (!type || !accept.includes(type.mime)) {
    throw new AppError('unsupported_media_type', { errors: [{ path: 'file', message: 'نوع فایل پذیرفته نیست' }] });
  }
  return type.mime;
}

/** Content-addressed: the same bytes are stored once however many records use them. */
export async function storeBytes(buffer: Buffer): Promise<string> {
  if (!filesRoot) throw new Error('files root not set');
  const sha = createHash('sha256').update(buffer).digest('hex');
  const target = pathOf(sha);
  if (!existsSync(target)) {
    await mkdir(join(filesRoot, sha.slice(0, 2)), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, buffer);
    await rename(tmp, target);
  }
  return sha;
}

export type StoredFile = { id: string; mime: string; size: number };

export async function saveFile(
  tx: Tx,
  ctx: Ctx,
  input: { buffer: Buffer; filename: string; accept: readonly string[]; ownerEntity: string; ownerId: string },
): Promise<StoredFile> {
  const mime = await sniff(input.buffer, input.accept);
  const sha256 = await storeBytes(input.buffer);
  const [row] = await tx
    .insert(files)
    .values({
      tenantId: ctx.tenantId, sha256, size: input.buffer.length, mime, originalName: input.filename.slice(0, 200),
      ownerEntity: input.ownerEntity, ownerId: input.ownerId, createdBy: ctx.userId, createdAt: ctx.now(),
    })
    .returning();
  return { id: row!.id, mime, size: input.buffer.length };
}

type ReadCheck = (ctx: Ctx, ownerId: string) => Promise<boolean>;
const readChecks = new Map<string, ReadCheck>();
/** A module says who may read files attached to its records. Unregistered owners are never served. */
export const registerFileOwner = (entity: string, canRead: ReadCheck) => readChecks.set(entity, canRead);

export async function readFileFor(ctx: Ctx, id: string) {
  const [row] = await inTenant(ctx.db, ctx, (tx) => tx.select().from(files).where(and(eq(files.id, id), eq(files.tenantId, ctx.tenantId))));
  if (!row) throw new AppError('not_found');
  const check = readChecks.get(row.ownerEntity);
  if (!check || !(await check(ctx, row.ownerId))) throw new AppError('forbidden');
  return { row, bytes: await readFile(pathOf(row.sha256)) };
}
