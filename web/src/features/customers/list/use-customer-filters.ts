import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The list filters, kept in the address bar (shareable; the sidebar's «بدون نماینده» link is `?noOwner=true`). */
export const FILTER_KEYS = ['kind', 'ownerId', 'noOwner', 'provinceId', 'cityId', 'sourceId', 'tag', 'grade', 'createdFrom', 'createdTo'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type CustomerFilterValues = Partial<Record<FilterKey, string>>;

export function useCustomerFilters() {
  const [params, setParams] = useSearchParams();
  const key = FILTER_KEYS.map((k) => params.get(k) ?? '').join('|');
  const filters = useMemo<CustomerFilterValues>(() => {
    const out: CustomerFilterValues = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) out[k] = v;
    }
    return out;
  }, [key]); // a new object only when a filter changed

  const setFilter = useCallback(
    (k: FilterKey, value: string | null | undefined) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(k, value);
          else next.delete(k);
          // Dependent filters: a city belongs to a province; "no owner" and an owner exclude each other.
          if (k === 'provinceId') next.delete('cityId');
          if (k === 'noOwner' && value) next.delete('ownerId');
          if (k === 'ownerId' && value) next.delete('noOwner');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const replaceAll = useCallback(
    (values: Record<string, string>) => {
      const next = new URLSearchParams();
      for (const k of FILTER_KEYS) if (values[k]) next.set(k, values[k]);
      setParams(next);
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  const count = Object.keys(filters).filter((k) => k !== 'kind').length;
  return { filters, setFilter, replaceAll, clear, count };
}

export { dateToIsoDay, isoDayToDate } from '../shared/dates.js';
