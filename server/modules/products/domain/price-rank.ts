// Which price list prices a product: the one rule of docs/products.md, as pure functions.

/** A price list item that applies on the date, channel and roles asked about (filtered by the query). */
export type PriceCandidate = {
  priceListId: string;
  name: string;
  itemId: string;
  price: bigint;
  channelId: string | null;
  roleId: string | null;
  /** The item names a variant (not the whole product). */
  variantItem: boolean;
  priority: number;
  validFrom: string | null;
};

/** 3 = channel and role set, 2 = role only, 1 = channel only, 0 = neither (a list for everyone). */
export const specificityOf = (c: { channelId: string | null; roleId: string | null }) =>
  c.channelId && c.roleId ? 3 : c.roleId ? 2 : c.channelId ? 1 : 0;

/**
 * Orders candidates best first: most specific list, then a variant item over a product-wide one,
 * then higher priority, then the later `validFrom` (an open start counts as the earliest), then the
 * list id so the answer never depends on row order.
 */
export function compareCandidates(a: PriceCandidate, b: PriceCandidate): number {
  return (
    specificityOf(b) - specificityOf(a) ||
    Number(b.variantItem) - Number(a.variantItem) ||
    b.priority - a.priority ||
    (b.validFrom ?? '').localeCompare(a.validFrom ?? '') ||
    a.priceListId.localeCompare(b.priceListId)
  );
}

export const rankCandidates = (cands: PriceCandidate[]) => [...cands].sort(compareCandidates);

const SPECIFICITY_FA = ['بدون کانال و نقش (عمومی)', 'فقط کانال فروش', 'فقط نقش', 'کانال فروش و نقش'];

/** A Persian sentence saying why the winner won over the runner-up. */
export function explainWinner(ranked: PriceCandidate[]): string {
  const [w, next] = ranked;
  if (!w) return 'هیچ لیست قیمت فعالی برای این تاریخ، کانال و نقش قیمتی ندارد.';
  const base = `لیست «${w.name}» (${SPECIFICITY_FA[specificityOf(w)]}${w.variantItem ? '، قیمت مخصوص همین تنوع' : ''})`;
  if (!next) return `${base} تنها لیست معتبر بود.`;
  const why =
    specificityOf(w) !== specificityOf(next) ? 'اختصاصی‌تر است'
    : w.variantItem !== next.variantItem ? 'قیمت مخصوص این تنوع دارد'
    : w.priority !== next.priority ? 'اولویت بالاتری دارد'
    : (w.validFrom ?? '') !== (next.validFrom ?? '') ? 'تاریخ شروع اعتبار دیرتری دارد'
    : 'شناسه کوچک‌تری دارد (برابر در همه معیارها)';
  return `${base} برنده شد، چون از «${next.name}» ${why}.`;
}

/** Two validity ranges (ISO dates, null = open end) share at least one day. */
export function rangesOverlap(a: { from: string | null; to: string | null }, b: { from: string | null; to: string | null }): boolean {
  const startsBeforeOtherEnds = (x: { from: string | null }, y: { to: string | null }) => !x.from || !y.to || x.from <= y.to;
  return startsBeforeOtherEnds(a, b) && startsBeforeOtherEnds(b, a);
}
