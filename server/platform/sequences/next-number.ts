import { sql } from 'drizzle-orm';
import type { Tx } from '../db/types.js';

/** The next number of a per-tenant sequence; the row lock makes concurrent callers get distinct numbers. */
export async function nextNumber(tx: Tx, tenantId: string, key: string, start = 1000): Promise<number> {
  const res = await tx.execute(sql`
    insert into number_sequences (tenant_id, key, last) values (${tenantId}, ${key}, ${start + 1})
    on conflict (tenant_id, key) do update set last = number_sequences.last + 1
    returning last`);
  return Number((res as unknown as { rows: { last: number | bigint }[] }).rows[0]!.last);
}

/** Makes sure the sequence is past a number someone typed by hand, so generated codes never collide with it. */
export async function bumpNumber(tx: Tx, tenantId: string, key: string, atLeast: number): Promise<void> {
  await tx.execute(sql`
    insert into number_sequences (tenant_id, key, last) values (${tenantId}, ${key}, ${atLeast})
    on conflict (tenant_id, key) do update set last = greatest(number_sequences.last, ${atLeast})`);
}

/** Reserves `count` consecutive numbers at once (bulk imports); returns the first. */
export async function reserveNumbers(tx: Tx, tenantId: string, key: string, count: number, start = 1000): Promise<number> {
  const res = await tx.execute(sql`
    insert into number_sequences (tenant_id, key, last) values (${tenantId}, ${key}, ${start + count})
    on conflict (tenant_id, key) do update set last = number_sequences.last + ${count}
    returning last`);
  return Number((res as unknown as { rows: { last: number | bigint }[] }).rows[0]!.last) - count + 1;
}
