// Line-delimited JSON files for the intermediate results of long passes over an upload (its parsed rows,
// an import's screened rows). Written under a temp name and renamed when complete, so a reader never sees
// half a file; read back as a stream, so a million rows never sit in memory at once.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Lines are collected into chunks of about this size: one write call per chunk, not per row. */
const WRITE_CHUNK = 1 << 20;
/**
 * Read (and parsed) this much at a time. Small on purpose: the texts made from a chunk then stay
 * ordinary short-lived strings; with 1 MiB chunks each became several MiB of large-object strings, and a
 * 100,000-row file made V8 grow the heap by hundreds of MiB between collections.
 */
const READ_CHUNK = 32 << 10;

export type NdjsonWriter = {
  /** Appends one value as a line (JSON.stringify: Dates become ISO strings, undefined keys vanish). */
  write(value: unknown): Promise<void>;
  /** Flushes, closes and renames the file into place. */
  commit(): Promise<void>;
  /** Closes and removes the temp file; safe to call after a failed write or twice. */
  abort(): Promise<void>;
};

export async function createNdjsonWriter(path: string): Promise<NdjsonWriter> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  const file = await open(tmp, 'w');
  let pending = '';
  let closed = false;
  const flush = async () => {
    if (!pending) return;
    const chunk = pending;
    pending = '';
    await file.write(chunk);
  };
  const close = async () => {
    if (closed) return;
    closed = true;
    await file.close();
  };
  return {
    async write(value) {
      pending += `${JSON.stringify(value)}\n`;
      if (pending.length >= WRITE_CHUNK) await flush();
    },
    async commit() {
      await flush();
      await close();
      await rename(tmp, path);
    },
    async abort() {
      await close().catch(() => undefined);
      await rm(tmp, { force: true });
    },
  };
}

/**
 * The file's values in order, from line `from` (0-based; earlier lines are skipped without parsing).
 * Throws ENOENT (on the first `next()`) when the file is not there; stopping early closes the file.
 */
export async function* readNdjson(path: string, from = 0): AsyncGenerator<unknown> {
  const file = await open(path, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    let rest = '';
    let toSkip = from;
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, READ_CHUNK, null);
      let text = bytesRead ? rest + decoder.write(buffer.subarray(0, bytesRead)) : rest + decoder.end();
      const end = text.lastIndexOf('\n');
      rest = end >= 0 ? text.slice(end + 1) : text;
      text = end >= 0 ? text.slice(0, end) : '';
      while (toSkip > 0 && text) {
        const nl = text.indexOf('\n');
        text = nl >= 0 ? text.slice(nl + 1) : '';
        toSkip--;
      }
      // All the chunk's complete lines in ONE parse: JSON never holds a raw line break (JSON.stringify
      // escapes them), so the line breaks can become commas of one array. Far cheaper than a parse per line.
      if (text) yield* JSON.parse(`[${text.replaceAll('\n', ',')}]`) as unknown[];
      if (!bytesRead) break;
    }
    if (rest.trim()) throw new Error(`${path}: the last line is incomplete`);
  } finally {
    await file.close();
  }
}

/** A small JSON file (a cache's description), written whole under a temp name and renamed. */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(tmp, JSON.stringify(value));
  await rename(tmp, path);
}

/** The JSON in `path`, or null when the file is missing or unreadable (a cache that is not there). */
export async function readJsonFile<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return null;
  }
}
