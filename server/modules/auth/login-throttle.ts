import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/types.js';
import { loginThrottle } from './auth.table.js';

const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;
/** Failures allowed per username and per client address within the window before a temporary lock. */
export const LIMITS = { user: 5, ip: 30 };

export async function isLocked(db: Db, keys: string[], now: Date): Promise<boolean> {
  for (const key of keys) {
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
    if (row?.lockedUntil && row.lockedUntil > now) return true;
  }
  return false;
}

export async function recordFailure(db: Db, key: string, limit: number, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  await db.execute(sql`
    insert into login_throttle (key, failures, window_start) values (${key}, 1, ${now.toISOString()})
    on conflict (key) do update set
      failures = case when login_throttle.window_start < ${windowStart.toISOString()} then 1 else login_throttle.failures + 1 end,
      window_start = case when login_throttle.window_start < ${windowStart.toISOString()} then ${now.toISOString()}::timestamptz else login_throttle.window_start end`);
  await db.execute(sql`
    update login_throttle set locked_until = ${new Date(now.getTime() + LOCK_MS).toISOString()}, failures = 0
     where key = ${key} and failures >= ${limit}`);
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
