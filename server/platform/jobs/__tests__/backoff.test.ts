import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../backoff.js';

describe('retryDelayMs', () => {
  it('doubles per attempt, between half and all of 2^attempts seconds', () => {
    expect(retryDelayMs(1, () => 0)).toBe(1000);
    expect(retryDelayMs(1, () => 1)).toBe(2000);
    expect(retryDelayMs(3, () => 0)).toBe(4000);
    expect(retryDelayMs(3, () => 1)).toBe(8000);
  });

  it('never exceeds one hour, however many attempts', () => {
    for (const a of [12, 13, 20, 100]) {
      expect(retryDelayMs(a, () => 1)).toBe(3_600_000);
      expect(retryDelayMs(a, () => 0)).toBe(1_800_000);
    }
  });
});
