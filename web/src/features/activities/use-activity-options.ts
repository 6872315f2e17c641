import { useQuery } from '@tanstack/react-query';
import { activitiesApi, activityKeys } from './activities-api.js';

export const useActivityTypes = () => useQuery({ queryKey: activityKeys.types, queryFn: activitiesApi.types, select: (d) => d.items, staleTime: 60_000 });
export const useStaffOptions = () => useQuery({ queryKey: ['staff-options'], queryFn: activitiesApi.staff, select: (d) => d.items, staleTime: 60_000 });
export const useContactOptions = (customerId: string | null) =>
  useQuery({ queryKey: ['customers', customerId, 'contacts'], queryFn: () => activitiesApi.contacts(customerId!), enabled: !!customerId, select: (d) => d.items });
