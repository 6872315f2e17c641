import type { RecipientOption, ReminderOut } from '@common/contracts/reminders.contract.js';
import { api } from '../../app/api-client.js';

export type Reminder = ReminderOut;
export type { RecipientOption };
export type ReminderPage = { items: Reminder[]; nextCursor: string | null };
export type ReminderQuery = { view: 'upcoming' | 'archive'; box: 'all' | 'received' | 'sent'; status?: string | undefined; q?: string | undefined; customerId?: string | undefined };
export type ReminderBody = {
  text: string; dueAt: string; recipientId: string | null; viaSms: boolean;
  customerId?: string | null; linkType?: string | null; linkId?: string | null; version?: number;
};

/** Every query of this feature starts with 'reminders': one invalidation refreshes lists and the open one. */
export const reminderKeys = {
  all: ['reminders'] as const,
  list: (q: ReminderQuery) => ['reminders', 'list', q] as const,
  one: (id: string) => ['reminders', 'one', id] as const,
  recipients: ['reminders', 'recipients'] as const,
};

export const remindersApi = {
  list: (q: ReminderQuery, cursor?: string) => api.get<ReminderPage>('/api/reminders', { query: { ...q, cursor, limit: 50 } }),
  one: (id: string) => api.get<Reminder>(`/api/reminders/${id}`),
  recipients: () => api.get<{ items: RecipientOption[] }>('/api/reminders/recipients'),
  save: (id: string | null, body: ReminderBody) => (id ? api.patch<Reminder>(`/api/reminders/${id}`, body) : api.post<Reminder>('/api/reminders', body)),
  remove: (id: string) => api.delete<void>(`/api/reminders/${id}`),
};
