import { describe, expect, it } from 'vitest';
import { deliveryCode, KAVENEGAR_DELIVERY_STATUSES, KAVENEGAR_RETURN_CODES, returnCode } from '../domain/kavenegar-codes.js';

describe('Kavenegar code table', () => {
  it('has every documented return code with a Persian meaning', () => {
    const documented = [200, 400, 401, 402, 403, 404, 405, 406, 407, 409, 411, 412, 413, 414, 415, 416, 417, 418, 419, 420, 422, 424, 426, 427, 428, 429, 431, 432, 451, 501, 607];
    expect(Object.keys(KAVENEGAR_RETURN_CODES).map(Number).sort((a, b) => a - b)).toEqual(documented);
    for (const c of documented) expect(KAVENEGAR_RETURN_CODES[c]!.fa).toMatch(/[\u0600-\u06FF]/);
  });

  it('retries only what may succeed by itself: their failure, "server busy" and rate limits', () => {
    const retried = Object.entries(KAVENEGAR_RETURN_CODES).filter(([, v]) => v.retry).map(([k]) => Number(k));
    expect(retried).toEqual([402, 409, 451]);
    expect(returnCode(418)).toEqual({ fa: 'اعتبار حساب کاوه‌نگار کافی نیست', retry: false });
    expect(returnCode(411).retry).toBe(false);
    expect(returnCode(403).fa).toBe('کلید API کاوه‌نگار معتبر نیست');
    // Unknown codes: their 5xx are retried, anything else is not.
    expect(returnCode(503)).toMatchObject({ retry: true });
    expect(returnCode(499)).toMatchObject({ retry: false });
  });

  it('maps delivery statuses to pending, delivered, failed or unknown', () => {
    const by = (state: string) => Object.entries(KAVENEGAR_DELIVERY_STATUSES).filter(([, v]) => v.state === state).map(([k]) => Number(k));
    expect(by('pending')).toEqual([1, 2, 4, 5]);
    expect(by('delivered')).toEqual([10]);
    expect(by('failed')).toEqual([6, 11, 13, 14]);
    expect(by('unknown')).toEqual([100]);
    expect(deliveryCode(10).fa).toBe('رسیده به گیرنده');
    expect(deliveryCode(77)).toMatchObject({ state: 'unknown' });
  });
});
