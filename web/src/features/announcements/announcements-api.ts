import type { AnnouncementOut, AudienceOptions, ReadStatusOut } from '@common/contracts/announcements.contract.js';
import { api } from '../../app/api-client.js';

export type Announcement = AnnouncementOut;
export type { AudienceOptions, ReadStatusOut };
export type AnnouncementPage = { items: Announcement[]; nextCursor: string | null; unreadCount: number };
export type AnnouncementBody = { title: string; body: string; audience: 'all' | 'role' | 'unit'; targetId: string | null };

export const announcementKeys = {
  all: ['announcements'] as const,
  inbox: (q: object) => ['announcements', 'inbox', q] as const,
  unread: ['announcements', 'unread'] as const,
  sent: (q: object) => ['announcements', 'sent', q] as const,
  one: (id: string) => ['announcements', 'one', id] as const,
  reads: (id: string) => ['announcements', 'reads', id] as const,
  audiences: ['announcements', 'audiences'] as const,
};

export const announcementsApi = {
  inbox: (q: { q?: string | undefined; unread?: boolean }, cursor?: string) =>
    api.get<AnnouncementPage>('/api/announcements', { query: { q: q.q, unread: q.unread ? 'true' : undefined, cursor, limit: 50 } }),
  sent: (q: { q?: string | undefined }, cursor?: string) => api.get<AnnouncementPage>('/api/announcements/sent', { query: { q: q.q, cursor, limit: 50 } }),
  one: (id: string) => api.get<Announcement>(`/api/announcements/${id}`),
  send: (body: AnnouncementBody) => api.post<Announcement>('/api/announcements', body),
  update: (id: string, body: AnnouncementBody & { version: number }) => api.patch<Announcement>(`/api/announcements/${id}`, body),
  read: (id: string) => api.post<{ readAt: string; unreadCount: number }>(`/api/announcements/${id}/read`),
  reads: (id: string) => api.get<ReadStatusOut>(`/api/announcements/${id}/reads`),
  audiences: () => api.get<AudienceOptions>('/api/announcements/audiences'),
};

export const ANNOUNCEMENTS_NAV = { fa: 'اطلاعیه‌ها', en: 'Announcements' };
