const BASE_MS = 1000;
const CAP_MS = 60 * 60 * 1000;

/**
 * Delay before the next try after `attempts` failed runs: 2^attempts seconds capped at one hour,
 * with "equal jitter" (half fixed, half random) so jobs that failed together do not retry together.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, Math.min(attempts, 32)));
  return Math.round(exp / 2 + random() * (exp / 2));
}
