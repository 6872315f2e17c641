import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open-database.js';

describe('the embedded database (PGlite)', () => {
  it('starts with 32 MB of shared buffers, its own start parameters kept', async () => {
    const database = await openDatabase({ kind: 'pglite', lock: false });
    try {
      const show = async (name: string) => ((await database.db.execute(sql.raw(`show ${name}`))) as unknown as { rows: Record<string, string>[] }).rows[0]![name];
      expect(await show('shared_buffers')).toBe('32MB');
      expect(await show('max_worker_processes')).toBe('0');
    } finally {
      await database.close();
    }
  });
});
