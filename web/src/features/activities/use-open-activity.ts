import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { activitiesApi, activityKeys } from './activities-api.js';

/** `?open=<id>` (links from the timeline and notifications) opens that activity's dialog. */
export function useOpenActivity() {
  const [params, setParams] = useSearchParams();
  const id = params.get('open');
  const query = useQuery({ queryKey: activityKeys.one(id ?? ''), queryFn: () => activitiesApi.one(id!), enabled: !!id });
  const close = () => setParams((p) => { p.delete('open'); return p; }, { replace: true });
  return { id, activity: query.data ?? null, close };
}
