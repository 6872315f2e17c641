import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNdjsonWriter, readNdjson } from '../ndjson-file.js';

const dir = mkdtempSync(join(tmpdir(), 'crm-ndjson-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const collect = async (it: AsyncIterable<unknown>) => {
  const out: unknown[] = [];
  for await (const v of it) out.push(v);
  return out;
};

describe('NDJSON files', () => {
  // Enough rows to span several read chunks, with line breaks, Persian text and U+2028 inside values.
  const rows = Array.from({ length: 30_000 }, (_, i) => [i, `ردیف\n${i} «نام»\u2028`, i % 3 ? null : { tags: ['ب', 'پ'], n: i }]);

  it('reads back exactly what was written, across chunk boundaries', async () => {
    const path = join(dir, 'rows.ndjson');
    const out = await createNdjsonWriter(path);
    for (const r of rows) await out.write(r);
    await out.commit();
    expect(await collect(readNdjson(path))).toEqual(rows);
  });

  it('starts at a given line without parsing the ones before', async () => {
    const path = join(dir, 'rows.ndjson');
    expect(await collect(readNdjson(path, 12_345))).toEqual(rows.slice(12_345));
    expect(await collect(readNdjson(path, rows.length))).toEqual([]);
  });

  it('leaves no file behind when aborted, and refuses a file cut short', async () => {
    const out = await createNdjsonWriter(join(dir, 'aborted.ndjson'));
    await out.write([1]);
    await out.abort();
    expect(readdirSync(dir).filter((f) => f.startsWith('aborted'))).toEqual([]);
    writeFileSync(join(dir, 'cut.ndjson'), '[1]\n[2,"no end');
    await expect(collect(readNdjson(join(dir, 'cut.ndjson')))).rejects.toThrow(/incomplete/);
    await expect(collect(readNdjson(join(dir, 'missing.ndjson')))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
