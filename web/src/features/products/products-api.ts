import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { attributeOut, categoryOut, productCreate, ProductOut, productPatch, taxClassOut, unitOut, variantOut } from '@common/contracts/products.contract.js';
import type { priceItemOut, priceListCreate, PriceListOut } from '@common/contracts/price-lists.contract.js';
import { api } from '../../app/api-client.js';
import { listFetcher } from '../../components/ui/data-table/types.js';

/** ProductOut as it travels in JSON: dates are ISO strings. */
export type Product = Omit<ProductOut, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
export type Variant = z.infer<typeof variantOut>;
export type ProductDetail = Product & { variants: Variant[] };
export type Unit = z.infer<typeof unitOut>;
export type Category = z.infer<typeof categoryOut>;
export type TaxClass = z.infer<typeof taxClassOut>;
export type Attribute = z.infer<typeof attributeOut>;
export type ProductCreateInput = z.input<typeof productCreate>;
export type ProductPatchInput = z.input<typeof productPatch>;
export type VariantInput = { code?: string | null; barcode?: string | null; attributes?: Record<string, string>; active?: boolean };
export type PriceList = Omit<PriceListOut, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
export type PriceListInput = z.input<typeof priceListCreate> & { version?: number };
export type PriceItem = z.infer<typeof priceItemOut>;
export type PriceItemInput = { productId: string; variantId?: string | null; price: string };

const enc = encodeURIComponent;
const base = '/api/products';

export const productKeys = {
  all: ['products'] as const,
  one: (id: string) => ['products', id] as const,
  units: ['product-units'] as const,
  categories: ['product-categories'] as const,
  taxClasses: ['tax-classes'] as const,
  attributes: ['product-attributes'] as const,
  priceLists: ['price-lists'] as const,
  priceItems: (id: string) => ['price-lists', id, 'items'] as const,
};

export const fetchProductPage = listFetcher<Product>(base);
export const fetchProduct = (id: string) => api.get<ProductDetail>(`${base}/${enc(id)}`);

export function useProduct(id: string | undefined) {
  return useQuery({ queryKey: productKeys.one(id ?? ''), queryFn: () => fetchProduct(id ?? ''), enabled: Boolean(id) });
}

const items = <T,>(url: string) => () => api.get<{ items: T[] }>(url).then((d) => d.items);
export const useUnits = () => useQuery({ queryKey: productKeys.units, queryFn: items<Unit>('/api/product-units'), staleTime: 60_000 });
export const useCategories = () => useQuery({ queryKey: productKeys.categories, queryFn: items<Category>('/api/product-categories'), staleTime: 60_000 });
export const useTaxClasses = () => useQuery({ queryKey: productKeys.taxClasses, queryFn: items<TaxClass>('/api/tax-classes'), staleTime: 60_000 });
export const useAttributes = () => useQuery({ queryKey: productKeys.attributes, queryFn: items<Attribute>('/api/product-attributes'), staleTime: 60_000 });
export const usePriceLists = () => useQuery({ queryKey: productKeys.priceLists, queryFn: items<PriceList>('/api/price-lists') });

export function searchProducts(q: string, signal?: AbortSignal) {
  return api.get<{ items: Product[] }>(base, { query: { q: q || undefined, limit: 20, active: 'true' }, ...(signal ? { signal } : {}) });
}

export const productsApi = {
  create: (input: ProductCreateInput) => api.post<ProductDetail>(base, input),
  update: (id: string, patch: ProductPatchInput) => api.patch<ProductDetail>(`${base}/${enc(id)}`, patch),
  remove: (id: string) => api.delete<void>(`${base}/${enc(id)}`),
  addVariant: (id: string, v: VariantInput) => api.post<Variant>(`${base}/${enc(id)}/variants`, v),
  updateVariant: (id: string, vid: string, v: VariantInput) => api.patch<Variant>(`${base}/${enc(id)}/variants/${enc(vid)}`, v),
  removeVariant: (id: string, vid: string) => api.delete<void>(`${base}/${enc(id)}/variants/${enc(vid)}`),
  exportUrl: `${base}/export`,
  /** PUT (multipart) replaces the image; both answer with the product detail. */
  imageUrl: (id: string) => `${base}/${enc(id)}/image`,
  setImage: (id: string, file: File) => api.upload<ProductDetail>(`${base}/${enc(id)}/image`, file, { method: 'PUT', field: 'image' }),
  removeImage: (id: string) => api.delete<ProductDetail>(`${base}/${enc(id)}/image`),
};

export type SalesLimits = { userId: string; categoryIds: string[]; categories: { id: string; name: string }[] };
export const salesLimitsKey = (userId: string) => ['sales-limits', userId] as const;
/** Which product groups a sales user may sell (GET/PUT /api/staff/{userId}/product-categories). */
export const salesLimitsApi = {
  get: (userId: string) => api.get<SalesLimits>(`/api/staff/${enc(userId)}/product-categories`),
  save: (userId: string, categoryIds: string[]) => api.put<SalesLimits>(`/api/staff/${enc(userId)}/product-categories`, { categoryIds }),
};

/** CRUD of the settings lists: units, categories, tax classes, attributes. */
export const catalogApi = (resource: 'product-units' | 'product-categories' | 'tax-classes' | 'product-attributes') => ({
  create: <T,>(body: unknown) => api.post<T>(`/api/${resource}`, body),
  update: <T,>(id: string, body: unknown) => api.patch<T>(`/api/${resource}/${enc(id)}`, body),
  remove: (id: string) => api.delete<void>(`/api/${resource}/${enc(id)}`),
});

export const priceListsApi = {
  create: (input: PriceListInput) => api.post<PriceList>('/api/price-lists', input),
  update: (id: string, input: Partial<PriceListInput>) => api.patch<PriceList>(`/api/price-lists/${enc(id)}`, input),
  remove: (id: string) => api.delete<void>(`/api/price-lists/${enc(id)}`),
  items: (id: string) => api.get<{ items: PriceItem[] }>(`/api/price-lists/${enc(id)}/items`).then((d) => d.items),
  saveItems: (id: string, rows: PriceItemInput[], removeIds: string[]) =>
    api.put<{ items: PriceItem[] }>(`/api/price-lists/${enc(id)}/items`, { items: rows, removeIds }).then((d) => d.items),
};
