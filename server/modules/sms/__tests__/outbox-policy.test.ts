import { describe, expect, it } from 'vitest';
import { afterTransientFailure, nextStatusCheck, pollBucketEnd, RETRY_WINDOW_MS } from '../domain/outbox-policy.js';
import { smsParts } from '../../../../common/contracts/sms.contract.js';

const t0 = new Date('2030-01-01T08:00:00Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);

describe('retry policy', () => {
  it('backs off 2^attempts seconds (with jitter) and gives up 24 hours after queuing, naming the last error', () => {
    expect(afterTransientFailure({ attempts: 1, queuedAt: t0, now: t0, reason: 'x', random: () => 0 })).toEqual({ retryAt: plus(1000) });
    expect(afterTransientFailure({ attempts: 3, queuedAt: t0, now: t0, reason: 'x', random: () => 1 })).toEqual({ retryAt: plus(8000) });
    const late = afterTransientFailure({ attempts: 30, queuedAt: t0, now: plus(RETRY_WINDOW_MS - 1000), reason: 'درگاه پاسخ نداد', random: () => 0 });
    expect(late).toEqual({ giveUp: 'پس از ۳۰ تلاش در ۲۴ ساعت فرستاده نشد. آخرین خطا: درگاه پاسخ نداد' });
  });

  it('checks delivery 1, 2, 4 … minutes after sending, at most hourly, never after 48 hours', () => {
    expect(nextStatusCheck({ checks: 0, sentAt: t0, now: t0 })).toEqual(plus(60_000));
    expect(nextStatusCheck({ checks: 1, sentAt: t0, now: plus(60_000) })).toEqual(plus(180_000));
    expect(nextStatusCheck({ checks: 12, sentAt: t0, now: plus(3_600_000) })).toEqual(plus(7_200_000));
    expect(nextStatusCheck({ checks: 40, sentAt: t0, now: plus(47.5 * 3_600_000) })).toBeNull();
  });

  it('runs a poll at the end of the minute, strictly after the time asked', () => {
    expect(pollBucketEnd(new Date('2030-01-01T08:00:10Z'))).toEqual(new Date('2030-01-01T08:01:00Z'));
    expect(pollBucketEnd(new Date('2030-01-01T08:01:00Z'))).toEqual(new Date('2030-01-01T08:02:00Z'));
  });

  it('counts SMS parts: 70/67 for Persian, 160/153 for Latin', () => {
    expect(smsParts('')).toBe(0);
    expect(smsParts('س'.repeat(70))).toBe(1);
    expect(smsParts('س'.repeat(71))).toBe(2);
    expect(smsParts('a'.repeat(160))).toBe(1);
    expect(smsParts('a'.repeat(161))).toBe(2);
  });
});
