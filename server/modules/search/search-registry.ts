import type { Ctx } from '../../platform/context.js';

export type SearchHit = { type: string; id: string; title: string; subtitle: string | null; link: string };
type Provider = (ctx: Ctx, q: string, limit: number) => Promise<SearchHit[]>;

const providers: Provider[] = [];
/** A module adds what the top-bar search finds in it; each provider applies its own permissions. */
export const registerSearchProvider = (p: Provider) => providers.push(p);

export async function globalSearch(ctx: Ctx, q: string, limit = 8): Promise<SearchHit[]> {
  const results = await Promise.all(providers.map((p) => p(ctx, q, limit).catch(() => [] as SearchHit[])));
  return results.flat();
}
