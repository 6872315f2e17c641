import { describe, expect, it } from 'vitest';
import { depthOf, idsOnPath, isInSubtree, movedPath, pathOf, rebasePath } from '../domain/category-path.js';
import { compareCandidates, explainWinner, rangesOverlap, rankCandidates, specificityOf, type PriceCandidate } from '../domain/price-rank.js';

describe('category paths', () => {
  it('builds paths and depths from the parent', () => {
    expect(pathOf(null, 'a')).toBe('/a/');
    expect(pathOf('/a/', 'b')).toBe('/a/b/');
    expect(depthOf('/a/')).toBe(0);
    expect(depthOf('/a/b/c/')).toBe(2);
    expect(idsOnPath('/a/b/c/')).toEqual(['a', 'b', 'c']);
  });

  it('moves a category under another branch and rebases its descendants', () => {
    expect(movedPath('/a/b/', 'b', '/x/')).toEqual({ path: '/x/b/' });
    expect(movedPath('/a/b/', 'b', null)).toEqual({ path: '/b/' });
    expect(rebasePath('/a/b/c/d/', '/a/b/', '/x/b/')).toBe('/x/b/c/d/');
    expect(rebasePath('/a/z/', '/a/b/', '/x/b/')).toBe('/a/z/');
  });

  it('refuses a move under itself or its own descendant (no cycles)', () => {
    expect(movedPath('/a/b/', 'b', '/a/b/')).toEqual({ error: 'cycle' });
    expect(movedPath('/a/b/', 'b', '/a/b/c/')).toEqual({ error: 'cycle' });
    expect(isInSubtree('/a/bc/', '/a/b/')).toBe(false);
  });
});

const cand = (over: Partial<PriceCandidate>): PriceCandidate => ({
  priceListId: over.priceListId ?? 'id', name: over.name ?? 'list', itemId: 'i', price: over.price ?? 100n, channelId: null, roleId: null,
  variantItem: false, priority: 0, validFrom: null, ...over,
});

describe('price ranking', () => {
  it('scores specificity: channel and role > role only > channel only > neither', () => {
    expect(specificityOf({ channelId: 'c', roleId: 'r' })).toBe(3);
    expect(specificityOf({ channelId: null, roleId: 'r' })).toBe(2);
    expect(specificityOf({ channelId: 'c', roleId: null })).toBe(1);
    expect(specificityOf({ channelId: null, roleId: null })).toBe(0);
  });

  it('prefers the more specific list even with a lower priority', () => {
    const general = cand({ priceListId: 'g', name: 'عمومی', priority: 99 });
    const channel = cand({ priceListId: 'c', name: 'کانال', channelId: 'ch' });
    const role = cand({ priceListId: 'r', name: 'نقش', roleId: 'ro' });
    const both = cand({ priceListId: 'b', name: 'هر دو', channelId: 'ch', roleId: 'ro' });
    expect(rankCandidates([general, channel, role, both]).map((c) => c.priceListId)).toEqual(['b', 'r', 'c', 'g']);
  });

  it('then a variant item over a product-wide item, then priority, then the later start', () => {
    const wide = cand({ priceListId: 'w', priority: 5 });
    const variant = cand({ priceListId: 'v', variantItem: true });
    expect(rankCandidates([wide, variant])[0]!.priceListId).toBe('v');
    const low = cand({ priceListId: 'l', priority: 1 });
    const high = cand({ priceListId: 'h', priority: 2 });
    expect(rankCandidates([low, high])[0]!.priceListId).toBe('h');
    const open = cand({ priceListId: 'o', validFrom: null });
    const older = cand({ priceListId: 'a', validFrom: '2024-01-01' });
    const newer = cand({ priceListId: 'n', validFrom: '2025-01-01' });
    expect(rankCandidates([open, older, newer]).map((c) => c.priceListId)).toEqual(['n', 'a', 'o']);
  });

  it('breaks a full tie by list id so the answer never depends on row order', () => {
    const a = cand({ priceListId: 'a' });
    const b = cand({ priceListId: 'b' });
    expect(compareCandidates(a, b)).toBeLessThan(0);
    expect(rankCandidates([b, a])[0]!.priceListId).toBe('a');
  });

  it('explains the winner in Persian', () => {
    const ranked = rankCandidates([cand({ priceListId: 'g', name: 'عمومی' }), cand({ priceListId: 'r', name: 'همکاران', roleId: 'x' })]);
    expect(explainWinner(ranked)).toContain('«همکاران»');
    expect(explainWinner(ranked)).toContain('اختصاصی‌تر');
    expect(explainWinner([])).toContain('هیچ لیست');
  });

  it('detects overlapping validity with open ends', () => {
    expect(rangesOverlap({ from: '2025-01-01', to: '2025-01-31' }, { from: '2025-01-31', to: null })).toBe(true);
    expect(rangesOverlap({ from: '2025-01-01', to: '2025-01-30' }, { from: '2025-01-31', to: null })).toBe(false);
    expect(rangesOverlap({ from: null, to: null }, { from: '2030-01-01', to: '2030-02-01' })).toBe(true);
    expect(rangesOverlap({ from: null, to: '2024-12-31' }, { from: '2025-01-01', to: null })).toBe(false);
  });
});
