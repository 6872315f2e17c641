import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { addressInput, addressOut, contactInput, contactOut, customerCreate, CustomerOut, customerPatch } from '@common/contracts/customers.contract.js';
import { api } from '../../app/api-client.js';
import { listFetcher, type PageResult } from '../../components/ui/data-table/types.js';

/** CustomerOut as it travels in JSON: dates are ISO strings. */
export type Customer = Omit<CustomerOut, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
export type Contact = z.infer<typeof contactOut>;
export type Address = z.infer<typeof addressOut>;
export type CustomerDetail = Customer & { contacts: Contact[]; addresses: Address[] };
export type ContactInput = z.input<typeof contactInput>;
export type AddressInput = z.input<typeof addressInput>;
export type CustomerKind = Customer['kind'];
/** What the forms send (Jalali/ISO date strings, any digits; the server normalizes). */
export type CustomerCreateInput = z.input<typeof customerCreate>;
export type CustomerPatchInput = z.input<typeof customerPatch>;

export type TimelineItem = {
  type: string;
  id: string;
  at: string;
  title: string;
  body: string | null;
  actor: { id: string; name: string } | null;
  link: string | null;
  /** An activity type's color and icon, when the item has one. */
  color?: string | null;
  icon?: string | null;
};
export type TimelinePage = { items: TimelineItem[]; nextCursor: string | null; types: { key: string; label: { fa: string; en: string } }[] };

export type DuplicateField = 'nationalId' | 'legalId' | 'economicCode' | 'mobile' | 'email' | 'code' | 'name';
export const DUPLICATE_FIELDS: DuplicateField[] = ['nationalId', 'legalId', 'economicCode', 'mobile', 'email', 'code', 'name'];

/** The columns the export endpoint knows (also the list's column fields). */
export const EXPORT_COLUMNS = [
  'code', 'kind', 'displayName', 'firstName', 'lastName', 'companyName', 'nationalId', 'legalId', 'economicCode', 'registrationNo',
  'organizationTypeName', 'mobile', 'phone', 'email', 'provinceName', 'cityName', 'sourceName', 'grade', 'tags', 'ownerName',
  'birthDate', 'weddingDate', 'createdAt',
] as const;

const enc = encodeURIComponent;
const base = '/api/customers';

export const customerKeys = {
  all: ['customers'] as const,
  one: (id: string) => ['customers', id] as const,
  timeline: (id: string) => ['customers', id, 'timeline'] as const,
  search: (q: string) => ['customers', 'search', q] as const,
  duplicates: (field: string) => ['customers', 'duplicates', field] as const,
};

export const fetchCustomerPage = listFetcher<Customer>(base);

export const fetchCustomer = (id: string) => api.get<CustomerDetail>(`${base}/${enc(id)}`);

export function useCustomer(id: string | undefined) {
  return useQuery({
    queryKey: customerKeys.one(id ?? ''),
    queryFn: () => fetchCustomer(id ?? ''),
    enabled: Boolean(id),
  });
}

export function searchCustomers(q: string, signal?: AbortSignal): Promise<PageResult<Customer>> {
  return api.get<PageResult<Customer>>(base, { query: { q: q || undefined, limit: 20 }, ...(signal ? { signal } : {}) });
}

export const customersApi = {
  create: (input: CustomerCreateInput) => api.post<CustomerDetail>(base, input),
  update: (id: string, patch: CustomerPatchInput) => api.patch<CustomerDetail>(`${base}/${enc(id)}`, patch),
  remove: (id: string) => api.delete<void>(`${base}/${enc(id)}`),
  assign: (ids: string[], ownerId: string | null) => api.post<{ updated: number; notFound: number }>(`${base}/assign`, { ids, ownerId }),
  addContact: (id: string, c: ContactInput) => api.post<Contact>(`${base}/${enc(id)}/contacts`, c),
  updateContact: (id: string, cid: string, c: ContactInput) => api.patch<Contact>(`${base}/${enc(id)}/contacts/${enc(cid)}`, c),
  removeContact: (id: string, cid: string) => api.delete<void>(`${base}/${enc(id)}/contacts/${enc(cid)}`),
  addAddress: (id: string, a: AddressInput) => api.post<Address>(`${base}/${enc(id)}/addresses`, a),
  updateAddress: (id: string, aid: string, a: AddressInput) => api.patch<Address>(`${base}/${enc(id)}/addresses/${enc(aid)}`, a),
  removeAddress: (id: string, aid: string) => api.delete<void>(`${base}/${enc(id)}/addresses/${enc(aid)}`),
  timeline: (id: string, q: { types?: string; cursor?: string; limit?: number }, signal?: AbortSignal) =>
    api.get<TimelinePage>(`${base}/${enc(id)}/timeline`, { query: q, ...(signal ? { signal } : {}) }),
  duplicates: (field: DuplicateField, signal?: AbortSignal) =>
    api.get<{ groups: { key: string; customers: Customer[] }[] }>(`${base}/duplicates`, { query: { field, limit: 100 }, ...(signal ? { signal } : {}) }),
  merge: (survivorId: string, mergedId: string, fields: Record<string, 'survivor' | 'merged'>) =>
    api.post<CustomerDetail>(`${base}/merge`, { survivorId, mergedId, fields }),
  exportUrl: `${base}/export`,
};

// ---- Saved views (per user) ----
export type SavedViewConfig = { filters: Record<string, string>; sort?: string | undefined; columns?: string[] | undefined };
export type SavedView = { id: string; name: string; config: SavedViewConfig };
export const savedViewsKey = (list: string) => ['saved-views', list] as const;
export const savedViewsApi = {
  list: (list: string) => api.get<{ items: SavedView[] }>('/api/saved-views', { query: { list } }),
  create: (list: string, name: string, config: SavedViewConfig) => api.post<SavedView>('/api/saved-views', { list, name, config }),
  remove: (id: string) => api.delete<void>(`/api/saved-views/${enc(id)}`),
};

// ---- Geo ----
export type Province = { id: number; name: string; nameEn: string };
export type City = { id: number; name: string };

export function useProvinces() {
  return useQuery({
    queryKey: ['geo', 'provinces'],
    queryFn: () => api.get<{ items: Province[] }>('/api/geo/provinces'),
    select: (d) => d.items,
    staleTime: Infinity,
  });
}

export function useCities(provinceId: number | null | undefined) {
  return useQuery({
    queryKey: ['geo', 'cities', provinceId ?? 0],
    queryFn: () => api.get<{ items: City[] }>(`/api/geo/provinces/${provinceId ?? 0}/cities`),
    select: (d) => d.items,
    enabled: Boolean(provinceId),
    staleTime: Infinity,
  });
}
