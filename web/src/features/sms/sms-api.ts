import type { z } from 'zod';
import type { SmsMessageOut, smsSettingsBody, SmsSettingsOut } from '@common/contracts/sms.contract.js';
import { api } from '../../app/api-client.js';
import type { FetchPage, PageParams, PageResult } from '../../components/ui/data-table/types.js';

export type { SmsMessageOut, SmsSettingsOut };
export type SmsSettingsInput = z.input<typeof smsSettingsBody>;

export const smsApi = {
  send: (body: { to: string; text: string; reference?: string | null }) => api.post<SmsMessageOut>('/api/sms/messages', body),
  retry: (id: string) => api.post<SmsMessageOut>(`/api/sms/messages/${id}/retry`),
  settings: () => api.get<SmsSettingsOut>('/api/sms/settings'),
  saveSettings: (body: SmsSettingsInput) => api.put<SmsSettingsOut>('/api/sms/settings', body),
  test: (body: { to: string; text?: string }) => api.post<SmsMessageOut>('/api/sms/settings/test', body),
};

/** The list does not count; when the first page is the last one the count is known. */
const withKnownTotal = <T>(p: PageParams, r: PageResult<T>): PageResult<T> => (!p.cursor && !r.nextCursor ? { ...r, total: r.items.length } : r);

/** The outbox for DataTable (filters: status, createdFrom, createdTo); the search box is part of the number. */
export const fetchSmsMessages: FetchPage<SmsMessageOut> = (p, signal) =>
  api.get<PageResult<SmsMessageOut>>('/api/sms/messages', { query: { ...p.filters, to: p.q || undefined, limit: p.limit, cursor: p.cursor }, ...(signal ? { signal } : {}) })
    .then((r) => withKnownTotal(p, r));
