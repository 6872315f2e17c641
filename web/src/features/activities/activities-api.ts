import type {
  ActivityOut, ActivityTypeOut, FollowUpOut, MyBucket,
} from '@common/contracts/activities.contract.js';
import { api, apiUpload } from '../../app/api-client.js';

export type Activity = ActivityOut;
export type ActivityType = ActivityTypeOut;
export type FollowUp = FollowUpOut;
export type { MyBucket };
export type ActivityPage = { items: Activity[]; nextCursor: string | null };
export type Counts = { today: number; overdue: number; upcoming: number };
export type FollowUpPage = { items: FollowUp[]; nextCursor: string | null; counts: { due: number; overdue: number; upcoming: number } };
export type StaffOption = { id: string; firstName: string | null; lastName: string };
export type ContactOption = { id: string; firstName: string | null; lastName: string; position: string | null };

/** Every query of this feature starts with 'activities', so one invalidation refreshes lists, calendar and cartable. */
export const activityKeys = {
  all: ['activities'] as const,
  types: ['activities', 'types'] as const,
  mine: (bucket: MyBucket) => ['activities', 'mine', bucket] as const,
  list: (q: object) => ['activities', 'list', q] as const,
  range: (from: string, to: string, who: string) => ['activities', 'range', from, to, who] as const,
  followUps: (view: string) => ['activities', 'follow-ups', view] as const,
  one: (id: string) => ['activities', 'one', id] as const,
};

type Q = Record<string, string | number | undefined>;

export const activitiesApi = {
  types: () => api.get<{ items: ActivityType[] }>('/api/activity-types'),
  saveType: (id: string | null, body: Record<string, unknown>) =>
    id ? api.patch<ActivityType>(`/api/activity-types/${id}`, body) : api.post<ActivityType>('/api/activity-types', body),
  deleteType: (id: string) => api.delete<void>(`/api/activity-types/${id}`),
  list: (q: Q) => api.get<ActivityPage>('/api/activities', { query: q }),
  mine: (bucket: MyBucket, cursor?: string) => api.get<ActivityPage & { counts: Counts }>('/api/activities/mine', { query: { bucket, cursor, limit: 100 } }),
  one: (id: string) => api.get<Activity>(`/api/activities/${id}`),
  save: (id: string | null, body: Record<string, unknown>) => (id ? api.patch<Activity>(`/api/activities/${id}`, body) : api.post<Activity>('/api/activities', body)),
  remove: (id: string) => api.delete<void>(`/api/activities/${id}`),
  reschedule: (id: string, startsAt: Date, version: number) => api.patch<Activity>(`/api/activities/${id}`, { startsAt: startsAt.toISOString(), version }),
  uploadAudio: (id: string, file: File) => apiUpload<Activity>(`/api/activities/${id}/audio`, file, { field: 'audio', method: 'PUT' }),
  removeAudio: (id: string) => api.delete<Activity>(`/api/activities/${id}/audio`),
  followUps: (view: 'due' | 'upcoming') => api.get<FollowUpPage>('/api/follow-ups', { query: { view, limit: 200 } }),
  logCall: (id: string, body: Record<string, unknown>) => api.post<Activity>(`/api/follow-ups/${id}/log`, body),
  postpone: (id: string, body: Record<string, unknown>) => api.post<Activity>(`/api/follow-ups/${id}/postpone`, body),
  close: (id: string, body: Record<string, unknown>) => api.post<Activity>(`/api/follow-ups/${id}/close`, body),
  refer: (id: string, body: Record<string, unknown>) => api.post<Activity>(`/api/follow-ups/${id}/refer`, body),
  staff: () => api.get<{ items: StaffOption[] }>('/api/staff', { query: { limit: 200 } }).catch(() => ({ items: [] as StaffOption[] })),
  contacts: (customerId: string) => api.get<{ items: ContactOption[] }>(`/api/customers/${customerId}/contacts`),
};

export const personName = (s: { firstName: string | null; lastName: string }) => `${s.firstName ?? ''} ${s.lastName}`.trim();
