import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client.js';

/** The configurable lists of /api/lookups (customer sources, organization types, …). */
export type LookupListKey = 'customerSource' | 'organizationType' | (string & {});
export type LookupValue = { id: string; name: string; sortOrder: number; active: boolean };
export type LookupInput = { name: string; sortOrder?: number; active?: boolean };

export const lookupKey = (list: string) => ['lookups', list] as const;
const url = (list: string, id?: string) => `/api/lookups/${encodeURIComponent(list)}${id ? `/${encodeURIComponent(id)}` : ''}`;

/** Values of one list, in their sort order. */
export function useLookup(list: LookupListKey) {
  return useQuery({
    queryKey: lookupKey(list),
    queryFn: () => api.get<{ items: LookupValue[] }>(url(list)),
    select: (d) => [...d.items].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'fa')),
    staleTime: 60_000,
  });
}

export const lookupsApi = {
  create: (list: string, input: LookupInput) => api.post<LookupValue>(url(list), input),
  // The server validates the whole body: `name` goes with every change.
  update: (list: string, id: string, input: LookupInput) => api.patch<LookupValue>(url(list, id), input),
  remove: (list: string, id: string) => api.delete<void>(url(list, id)),
};
