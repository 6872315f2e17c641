// The validation pass's screening of every row (mapped, validated, repeats inside the file caught), kept
// for the job: when the job runs with what the pass ran with, it reads these verdicts instead of mapping
// and validating every row again. What depends on the database (matches, identifiers taken meanwhile) is
// NOT kept: the job looks that up again, batch by batch, when it writes.
// Files live in the import's work directory and go when the import ends; a missing or stale screening
// only means "screen again from the rows cache".
import { createHash } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { workPath } from '../../../platform/files/files.service.js';
import { createNdjsonWriter, readJsonFile, readNdjson, writeJsonFile } from '../../../platform/import/ndjson-file.js';
import type { PassSettings, Screened } from './batch-planner.js';
import type { PreparedRow } from './row-mapper.js';

/** Bump when screening (prepareRow, screenRow) changes its output: screenings kept by older code are ignored. */
const SCREENING_VERSION = 1;
/** A validated import left unstarted this long loses its kept screening (the job would screen again). */
const STALE_MS = 7 * 24 * 3600_000;
/** The contract parses these to Dates; JSON turns them into strings. */
const DATE_FIELDS = ['birthDate', 'weddingDate'] as const;

/** What the validation pass found, shown on the review step. */
export type ValidationSummary = { totalRows: number; rejectedCount: number; wouldCreate: number; wouldUpdate: number; wouldSkip: number };
type Kept = ValidationSummary & { key: string };

const dirOf = (importId: string) => workPath('customer-imports', importId);
const rowsPath = (importId: string) => join(dirOf(importId), 'screened.ndjson');
const summaryPath = (importId: string) => join(dirOf(importId), 'validation.json');

/** Everything screening depends on besides the rows: the mapping, leniency, match fields and reference lists. */
export function screeningKey(s: PassSettings): string {
  const { columns, defaultKind, lenient, refs } = s.row;
  return createHash('sha256').update(JSON.stringify([SCREENING_VERSION, columns, defaultKind ?? null, lenient, [...s.matchFields].sort(), refs.version])).digest('hex');
}

/** One line per row: [rowNumber, values, reasons] when refused, [rowNumber, values, prepared] when not. */
type Line = [number, string[], string[] | Omit<Extract<PreparedRow, { ok: true }>, 'ok'>];

const toLine = (r: Screened): Line => {
  if (!r.prepared.ok) return [r.rowNumber, r.values, r.prepared.reasons];
  const { ok: _, ...prepared } = r.prepared;
  return [r.rowNumber, r.values, prepared];
};

function fromLine([rowNumber, values, verdict]: Line): Screened {
  if (Array.isArray(verdict)) return { rowNumber, values, prepared: { ok: false, reasons: verdict } };
  const patch = verdict.patch as Record<string, unknown>;
  for (const f of DATE_FIELDS) if (typeof patch[f] === 'string') patch[f] = new Date(patch[f] as string);
  return { rowNumber, values, prepared: { ok: true, ...verdict } };
}

export type ScreeningWriter = { write(r: Screened): Promise<void>; commit(summary: ValidationSummary): Promise<void>; abort(): Promise<void> };

/** Keeps each screened row as the validation pass sees it; `commit` makes it usable (summary written last). */
export async function keepScreening(importId: string, key: string): Promise<ScreeningWriter> {
  await removeImportWork(importId);
  const out = await createNdjsonWriter(rowsPath(importId));
  return {
    write: (r) => out.write(toLine(r)),
    async commit(summary) {
      await out.commit();
      await writeJsonFile(summaryPath(importId), { ...summary, key } satisfies Kept);
    },
    abort: () => out.abort(),
  };
}

export async function validationSummary(importId: string): Promise<ValidationSummary | null> {
  const kept = await readJsonFile<Kept>(summaryPath(importId));
  if (!kept) return null;
  const { key: _, ...summary } = kept;
  return summary;
}

/** The kept rows from index `startAt` on, or null when there are none made with `key`. */
export async function keptScreening(importId: string, key: string, startAt: number): Promise<AsyncIterable<Screened> | null> {
  const kept = await readJsonFile<Kept>(summaryPath(importId));
  if (kept?.key !== key) return null;
  return (async function* () {
    for await (const line of readNdjson(rowsPath(importId), startAt)) yield fromLine(line as Line);
  })();
}

export async function removeImportWork(importId: string): Promise<void> {
  await rm(dirOf(importId), { recursive: true, force: true });
}

/** Work directories of imports validated long ago and never run; best effort (another process may race). */
export async function sweepStaleImportWork(now: Date): Promise<void> {
  const root = workPath('customer-imports');
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names) {
    const dir = join(root, name);
    const info = await stat(dir).catch(() => null);
    if (info && now.getTime() - info.mtimeMs > STALE_MS) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
