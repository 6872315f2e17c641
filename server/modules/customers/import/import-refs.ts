// Names in a file → ids in the database: province, city (Iran's reference lists) and customer source
// (the company's lookup list). Loaded once per pass, so rows are resolved without a query each.
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
};

const key = (s: string, prefix: RegExp) => searchNormalize(s).replace(prefix, '').replace(/\s+/g, '');
const provinceKey = (s: string) => key(s, /^(استان|province of)\s*/);
const cityKey = (s: string) => key(s, /^(شهرستان|شهر)\s*/);

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
  return {
    province: (name) => provinceIds.get(provinceKey(name)) ?? null,
    city: (name, provinceId) => {
      const all = citiesByName.get(cityKey(name)) ?? [];
      const found = provinceId === null ? all : all.filter((c) => c.provinceId === provinceId);
      if (found.length > 1) return 'ambiguous';
      return found[0] ?? null;
    },
    source: (name) => sources.get(searchNormalize(name)) ?? null,
  };
}
