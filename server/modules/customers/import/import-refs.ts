// Names in a file → ids in the database: province, city (Iran's reference lists) and customer source
// (the company's lookup list). Loaded once per pass, so rows are resolved without a query each.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { searchNormalize } from '../../../../common/text.js';
import type { Tx } from '../../../platform/db/types.js';
import { cities, provinces } from '../../geo/index.js';
import { lookupValues } from '../../settings/index.js';

export type ImportRefs = {
  province(name: string): number | null;
  /** A city in `provinceId` (or anywhere when null); 'ambiguous' when several provinces have it. */
  city(name: string, provinceId: number | null): { id: number; provinceId: number } | null | 'ambiguous';
  source(name: string): string | null;
  /** Changes when the lists change: a kept screening made with other lists is not reused. */
  version: string;
};

const key = (s: string, prefix: RegExp) => searchNormalize(s).replace(prefix, '').replace(/\s+/g, '');
const provinceKey = (s: string) => key(s, /^(استان|province of)\s*/);
const cityKey = (s: string) => key(s, /^(شهرستان|شهر)\s*/);

/**
 * `fn` remembering its answers: a file repeats the same few hundred place and source names on every row,
 * and normalising each again was a visible part of the validation pass. Forgets everything past `max`
 * names so a file of all-different names cannot grow it without bound.
 */
function remembered<T>(fn: (name: string) => T, max = 10_000): (name: string) => T {
  const known = new Map<string, T>();
  return (name) => {
    const hit = known.get(name);
    if (hit !== undefined || known.has(name)) return hit as T;
    if (known.size >= max) known.clear();
    const value = fn(name);
    known.set(name, value);
    return value;
  };
}

export async function loadImportRefs(tx: Tx, tenantId: string, needed: { geo: boolean; source: boolean }): Promise<ImportRefs> {
  const provinceIds = new Map<string, number>();
  const citiesByName = new Map<string, { id: number; provinceId: number }[]>();
  const sources = new Map<string, string>();
  if (needed.geo) {
    for (const p of await tx.select().from(provinces)) {
      provinceIds.set(provinceKey(p.name), p.id);
      provinceIds.set(provinceKey(p.nameEn), p.id);
    }
    for (const c of await tx.select().from(cities)) {
      const k = cityKey(c.name);
      citiesByName.set(k, [...(citiesByName.get(k) ?? []), { id: c.id, provinceId: c.provinceId }]);
    }
  }
  if (needed.source) {
    const rows = await tx
      .select({ id: lookupValues.id, name: lookupValues.name })
      .from(lookupValues)
      .where(and(eq(lookupValues.tenantId, tenantId), eq(lookupValues.list, 'customerSource')));
    for (const r of rows) sources.set(searchNormalize(r.name), r.id);
  }
  const version = createHash('sha256')
    .update(JSON.stringify([needed, provinceIds.size, citiesByName.size, [...sources].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]))
    .digest('hex');
  const citiesNamed = remembered((name) => citiesByName.get(cityKey(name)) ?? []);
  return {
    version,
    province: remembered((name) => provinceIds.get(provinceKey(name)) ?? null),
    city: (name, provinceId) => {
      const all = citiesNamed(name);
      const found = provinceId === null ? all : all.filter((c) => c.provinceId === provinceId);
      if (found.length > 1) return 'ambiguous';
      return found[0] ?? null;
    },
    source: remembered((name) => sources.get(searchNormalize(name)) ?? null),
  };
}
