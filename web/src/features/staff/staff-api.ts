import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client.js';
import { listFetcher, type PageResult } from '../../components/ui/data-table/types.js';

export type Staff = {
  id: string;
  personnelCode: string | null;
  username: string;
  firstName: string;
  lastName: string;
  fullName: string;
  mobile: string | null;
  email: string | null;
  jobPositionId: string | null;
  jobPositionName: string | null;
  managerId: string | null;
  managerName: string | null;
  unitId: string | null;
  unitName: string | null;
  active: boolean;
  photoFileId: string | null;
  signatureFileId?: string | null;
  roleIds: string[];
  groupIds: string[];
  createdAt: string;
};

export type StaffInput = {
  personnelCode: string | null;
  firstName: string;
  lastName: string;
  username: string;
  mobile: string | null;
  email: string | null;
  password?: string;
  jobPositionId: string | null;
  managerId: string | null;
  unitId: string | null;
  roleIds: string[];
  groupIds: string[];
};

export const fetchStaffPage = listFetcher<Staff>('/api/staff');

export const staffKeys = {
  all: ['staff'] as const,
  one: (id: string) => ['staff', id] as const,
  search: (q: string) => ['staff', 'search', q] as const,
};

export function useStaff(id: string | undefined) {
  return useQuery({
    queryKey: staffKeys.one(id ?? ''),
    queryFn: () => api.get<Staff>(`/api/staff/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

/** A short list of staff for pickers (manager, group members). */
export function searchStaff(q: string, signal?: AbortSignal): Promise<PageResult<Staff>> {
  return api.get<PageResult<Staff>>('/api/staff', { query: { q: q || undefined, limit: 20, active: true }, ...(signal ? { signal } : {}) });
}

export const staffApi = {
  create: (input: StaffInput) => api.post<Staff>('/api/staff', input),
  update: (id: string, input: Partial<StaffInput>) => api.patch<Staff>(`/api/staff/${encodeURIComponent(id)}`, input),
  activate: (id: string) => api.post<Staff | undefined>(`/api/staff/${encodeURIComponent(id)}/activate`),
  deactivate: (id: string) => api.post<Staff | undefined>(`/api/staff/${encodeURIComponent(id)}/deactivate`),
  photoUrl: (id: string) => `/api/staff/${encodeURIComponent(id)}/photo`,
  signatureUrl: (id: string) => `/api/staff/${encodeURIComponent(id)}/signature`,
};
