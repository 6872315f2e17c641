import type { z } from 'zod';
import type {
  reservationCreate, ReservationOut, StockCardOut, StockCardRow, stockDocumentCreate, StockDocumentDetail, StockDocumentKind, StockDocumentOut, StockOut, WarehouseOut,
} from '@common/contracts/inventory.contract.js';
import type { VariantOut } from '@common/contracts/products.contract.js';
import { normalizePersian } from '@common/text.js';
import { api } from '../../app/api-client.js';
import type { FetchPage, PageParams, PageResult } from '../../components/ui/data-table/types.js';

export type Warehouse = WarehouseOut;
export type StockDocument = StockDocumentOut;
export type StockDocumentFull = StockDocumentDetail;
export type StockDocumentInput = z.input<typeof stockDocumentCreate>;
export type ReservationInput = z.input<typeof reservationCreate>;
export type Variant = VariantOut;
export type { StockCardOut, StockCardRow, StockOut, StockDocumentKind, ReservationOut };

/** What the product picker needs from GET /api/products?q= (the products module's list). */
export type ProductOption = { id: string; code: string; name: string; kind?: string; unitName?: string | null; secondUnitName?: string | null; secondUnitRatio?: string | null; variantCount?: number };

export const inventoryApi = {
  warehouses: () => api.get<{ items: Warehouse[] }>('/api/warehouses'),
  saveWarehouse: (id: string | null, body: Record<string, unknown>) =>
    id ? api.patch<Warehouse>(`/api/warehouses/${id}`, body) : api.post<Warehouse>('/api/warehouses', body),
  deleteWarehouse: (id: string) => api.delete<void>(`/api/warehouses/${id}`),
  document: (id: string) => api.get<StockDocumentFull>(`/api/stock-documents/${id}`),
  createDocument: (body: StockDocumentInput, key: string) =>
    api.post<StockDocumentFull>('/api/stock-documents', body, { headers: { 'Idempotency-Key': key } }),
  updateDocument: (id: string, body: Partial<StockDocumentInput> & { version?: number }) => api.patch<StockDocumentFull>(`/api/stock-documents/${id}`, body),
  deleteDocument: (id: string) => api.delete<void>(`/api/stock-documents/${id}`),
  confirmDocument: (id: string, key: string) =>
    api.post<StockDocumentFull>(`/api/stock-documents/${id}/confirm`, undefined, { headers: { 'Idempotency-Key': key } }),
  reverseDocument: (id: string) => api.post<StockDocumentFull>(`/api/stock-documents/${id}/reverse`),
  issues: (warehouseId: string) => api.get<{ items: StockDocument[] }>('/api/stock-documents', { query: { kind: 'issue', status: 'confirmed', warehouseId, limit: 100 } }),
  stock: (q: { productId?: string; warehouseId?: string; limit?: number }) => api.get<StockOut>('/api/stock', { query: q }),
  card: (q: Record<string, string | number | undefined>) => api.get<StockCardOut>('/api/stock/card', { query: q }),
  searchProducts: async (q: string): Promise<ProductOption[]> => {
    const res = await api.get<{ items: ProductOption[] }>('/api/products', { query: { q, limit: 20 } });
    return res.items;
  },
  product: (id: string) => api.get<ProductOption>(`/api/products/${id}`),
  /** The default variant comes first. */
  variants: (productId: string) => api.get<{ items: Variant[] }>(`/api/products/${productId}/variants`),
  createReservation: (body: ReservationInput, key: string) =>
    api.post<ReservationOut>('/api/reservations', body, { headers: { 'Idempotency-Key': key } }),
  releaseReservation: (id: string) => api.delete<ReservationOut>(`/api/reservations/${id}`),
};

/** These lists do not count; when the first page is the last one the count is known («۱ تا ۳ از ۳», not «بیش از ۲۵»). */
const withKnownTotal = <T>(p: PageParams, r: PageResult<T>): PageResult<T> => (!p.cursor && !r.nextCursor ? { ...r, total: r.items.length } : r);

/** The stock documents list for DataTable (filters: kind, status, warehouseId, from, to). */
export const fetchDocuments: FetchPage<StockDocument> = (p, signal) =>
  api.get<PageResult<StockDocument>>('/api/stock-documents', { query: { ...p.filters, limit: p.limit, cursor: p.cursor }, ...(signal ? { signal } : {}) }).then((r) => withKnownTotal(p, r));

/** The reservations list for DataTable (filters: status, warehouseId, productId); the search box is the exact reference. */
export const fetchReservations: FetchPage<ReservationOut> = (p, signal) =>
  api.get<PageResult<ReservationOut>>('/api/reservations', { query: { ...p.filters, reference: p.q ? normalizePersian(p.q) : undefined, limit: p.limit, cursor: p.cursor }, ...(signal ? { signal } : {}) })
    .then((r) => withKnownTotal(p, r));

/** A fresh Idempotency-Key: a double click or a retried request posts once. */
export const newKey = () => (globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
