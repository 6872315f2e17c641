import { formatQuantity, parseQuantity } from '@common/quantity.js';

/**
 * «≈ ۴ کیسه» under the second-unit quantity when the product has a usual ratio (one sack ≈ 25 kg). Only a
 * hint: the second unit is counted independently, so the storekeeper types what was really counted.
 */
export function secondUnitHint(quantity: string, ratio: string | null | undefined, secondUnitName: string | null | undefined): string | undefined {
  if (!ratio || !secondUnitName || !quantity.trim()) return undefined;
  const q = parseQuantity(quantity);
  const r = parseQuantity(ratio);
  if (!q.ok || !r.ok || r.value <= 0n) return undefined;
  // Both are micro-units: q / r in micro-units, rounded to two decimals.
  const micro = (q.value * 1_000_000n) / r.value;
  const rounded = ((micro + 5_000n) / 10_000n) * 10_000n;
  return `≈ ${formatQuantity(rounded)} ${secondUnitName}`;
}
