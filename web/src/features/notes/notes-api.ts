import type { NoteOut } from '@common/contracts/notes.contract.js';
import { api } from '../../app/api-client.js';

export type Note = NoteOut;
export type NotePage = { items: Note[]; nextCursor: string | null };

export const noteKeys = {
  all: ['notes'] as const,
  ofCustomer: (customerId: string) => ['notes', 'customer', customerId] as const,
};

export const notesApi = {
  ofCustomer: (customerId: string, cursor?: string) => api.get<NotePage>('/api/notes', { query: { customerId, cursor, limit: 20 } }),
  create: (body: { customerId: string; body: string; isPrivate: boolean }) => api.post<Note>('/api/notes', body),
  update: (id: string, body: { body?: string; isPrivate?: boolean; version: number }) => api.patch<Note>(`/api/notes/${encodeURIComponent(id)}`, body),
  remove: (id: string) => api.delete<void>(`/api/notes/${encodeURIComponent(id)}`),
};
