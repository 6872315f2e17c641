import type { z } from 'zod';
import type {
  ReservationOut, StockCardOut, StockCardRow, stockDocumentCreate, StockDocumentDetail, StockDocumentKind, StockDocumentOut, StockOut, WarehouseOut,
} from '@common/contracts/inventory.contract.js';
import { api } from '../../app/api-client.js';
import type { FetchPage } from '../../components/ui/data-table/types.js';

export type Warehouse = WarehouseOut;
export type StockDocument = StockDocumentOut;
export type StockDocumentFull = StockDocumentDetail;
export type StockDocumentInput = z.input<typeof stockDocumentCreate>;
export type { StockCardOut, StockCardRow, StockOut, StockDocumentKind, ReservationOut };

/** What the product picker needs from GET /api/products?q= (the products module's list). */
export type ProductOption = { id: string; code: string; name: string; kind?: string; unitName?: string | null; secondUnitName?: string | null };

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
  stock: (q: { productId?: string; warehouseId?: string }) => api.get<StockOut>('/api/stock', { query: q }),
  card: (q: Record<string, string | number | undefined>) => api.get<StockCardOut>('/api/stock/card', { query: q }),
  searchProducts: async (q: string): Promise<ProductOption[]> => {
    const res = await api.get<{ items: ProductOption[] }>('/api/products', { query: { q, limit: 20 } });
    return res.items;
  },
  product: (id: string) => api.get<ProductOption>(`/api/products/${id}`),
};

/** The stock documents list for DataTable (filters: kind, status, warehouseId, from, to). */
export const fetchDocuments: FetchPage<StockDocument> = (p, signal) =>
  api.get('/api/stock-documents', { query: { ...p.filters, limit: p.limit, cursor: p.cursor }, ...(signal ? { signal } : {}) });

/** A fresh Idempotency-Key: a double click or a retried request posts once. */
export const newKey = () => (globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
