import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client.js';

export type JobPosition = { id: string; name: string };
export const jobPositionsKey = ['job-positions'] as const;

export function useJobPositions() {
  return useQuery({
    queryKey: jobPositionsKey,
    queryFn: () => api.get<{ items: JobPosition[] }>('/api/job-positions'),
    select: (d) => d.items,
    staleTime: 60_000,
  });
}

export const jobPositionsApi = {
  create: (name: string) => api.post<JobPosition>('/api/job-positions', { name }),
  update: (id: string, name: string) => api.patch<JobPosition>(`/api/job-positions/${encodeURIComponent(id)}`, { name }),
  remove: (id: string) => api.delete<void>(`/api/job-positions/${encodeURIComponent(id)}`),
};
