import { api, type Query } from '../../../app/api-client.js';

export type FilterValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;
export type FilterValues = Record<string, FilterValue>;

/** What DataTable asks the server for. `sort` is `field` (ascending) or `-field` (descending). */
export type PageParams = {
  limit: number;
  cursor?: string | undefined;
  sort?: string | undefined;
  q?: string | undefined;
  filters: FilterValues;
};

/** One keyset page. `total` is optional: without it the grid shows "more than N". */
export type PageResult<T> = { items: T[]; nextCursor: string | null; total?: number | null };

export type FetchPage<T> = (params: PageParams, signal?: AbortSignal) => Promise<PageResult<T>>;

/** The list query string every list endpoint takes (and its /export twin, minus limit/cursor). */
export function listQuery(p: Partial<PageParams>, extra?: Query): Query {
  return { ...p.filters, q: p.q, sort: p.sort, limit: p.limit, cursor: p.cursor, ...extra };
}

/**
 * `fetchPage` for a standard list endpoint: GET <url>?q=&sort=&limit=&cursor=&<filters>, asking for
 * the total count (`total=true`) on the first page only — later pages keep the count they were given.
 */
export function listFetcher<T>(url: string, opts: { total?: boolean } = {}): FetchPage<T> {
  const withTotal = opts.total ?? true;
  return (p, signal) =>
    api.get<PageResult<T>>(url, {
      query: listQuery(p, withTotal && !p.cursor ? { total: 'true' } : undefined),
      ...(signal ? { signal } : {}),
    });
}
