// When the outbox tries again, gives up, and asks for delivery reports. Pure, so tests pin the numbers.
import { toPersianDigits } from '../../../../common/text.js';
import { retryDelayMs } from '../../../platform/jobs/backoff.js';

/** A message that could not go out for this long after it was queued fails (a person may retry it). */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
/** Kavenegar answers status.json only for messages of the last 48 hours. */
export const STATUS_WINDOW_MS = 48 * 3_600_000;
const FIRST_STATUS_CHECK_MS = 60_000;
const MAX_STATUS_INTERVAL_MS = 3_600_000;
/** Delivery-report polls of one company run together, at most once per this bucket. */
export const POLL_BUCKET_MS = 60_000;

export type RetryDecision = { retryAt: Date } | { giveUp: string };

/** After a failed attempt that may succeed later: when to try again, or the reason to stop. */
export function afterTransientFailure(opts: { attempts: number; queuedAt: Date; now: Date; reason: string; random?: () => number }): RetryDecision {
  const retryAt = new Date(opts.now.getTime() + retryDelayMs(opts.attempts, opts.random));
  if (retryAt.getTime() - opts.queuedAt.getTime() > RETRY_WINDOW_MS) {
    return { giveUp: `پس از ${toPersianDigits(opts.attempts)} تلاش در ۲۴ ساعت فرستاده نشد. آخرین خطا: ${opts.reason}` };
  }
  return { retryAt };
}

/** Next delivery-report check: 1, 2, 4 … minutes after sending, at most hourly, none after 48 hours. */
export function nextStatusCheck(opts: { checks: number; sentAt: Date; now: Date }): Date | null {
  const delay = Math.min(MAX_STATUS_INTERVAL_MS, FIRST_STATUS_CHECK_MS * 2 ** Math.min(opts.checks, 20));
  const at = new Date((opts.checks === 0 ? opts.sentAt : opts.now).getTime() + delay);
  return at.getTime() - opts.sentAt.getTime() > STATUS_WINDOW_MS ? null : at;
}

/**
 * The run time of the poll job that covers a check due at `at`: the end of its bucket, strictly after `at`.
 * Every check due within one bucket is served by one job (the dedupe key names the bucket), and a poll
 * that finds more work queues the next bucket, never its own.
 */
export function pollBucketEnd(at: Date): Date {
  return new Date((Math.floor(at.getTime() / POLL_BUCKET_MS) + 1) * POLL_BUCKET_MS);
}
