import { asc, eq, sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import type { Db } from '../../platform/db/types.js';
import { inSystem } from '../../platform/db/transactions.js';
import { cities, provinces } from './geo.table.js';

type GeoFile = { provinces: { code: string; name: string; nameEn: string; cities: string[] }[] };

/** Loads Iran's provinces and cities once; later starts find them there and do nothing. */
export async function seedGeo(db: Db): Promise<void> {
  await inSystem(db, async (tx) => {
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(provinces);
    if (Number(n) > 0) return;
    const data = JSON.parse(readFileSync(new URL('./data/iran-provinces-cities.json', import.meta.url), 'utf8')) as GeoFile;
    await tx.insert(provinces).values(data.provinces.map((p) => ({ id: Number(p.code), name: p.name, nameEn: p.nameEn })));
    const rows = data.provinces.flatMap((p) => p.cities.map((name, i) => ({ id: Number(p.code) * 1000 + i + 1, provinceId: Number(p.code), name })));
    for (let i = 0; i < rows.length; i += 500) await tx.insert(cities).values(rows.slice(i, i + 500));
  });
}

export const listProvinces = (db: Db) => db.select().from(provinces).orderBy(asc(provinces.name));
export const listCities = (db: Db, provinceId: number) =>
  db.select({ id: cities.id, name: cities.name }).from(cities).where(eq(cities.provinceId, provinceId)).orderBy(asc(cities.id));
