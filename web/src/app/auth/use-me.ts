import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../api-client.js';
import { SCOPES, type Scope } from '@common/permissions.js';
import type { Locale } from '../i18n/locale-provider.js';

export { SCOPES, type Scope };

export type MeUser = {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  fullName: string;
  mobile: string | null;
  email: string | null;
  locale: Locale;
  unitId: string | null;
  tenantId: string;
  tenantName: string;
  photoFileId: string | null;
};

export type Me = {
  /** Null only for API-key principals, which never use this UI. */
  user: MeUser | null;
  permissions: Record<string, Scope>;
  isAdmin: boolean;
  settings?: { currencyDisplay: 'rial' | 'toman' };
};

export const meQueryKey = ['me'] as const;

export function fetchMe(): Promise<Me> {
  // The guard handles 401 itself (redirect with ?next=), so no global redirect here.
  return api.get<Me>('/api/me', { skipAuthRedirect: true });
}

export function useMe(): UseQueryResult<Me> {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** Permission check against an already loaded /api/me. Admins may do everything. */
export function hasPermission(me: Me | undefined, permission: string | undefined, scope?: Scope): boolean {
  if (!permission) return true;
  if (!me) return false;
  if (me.isAdmin) return true;
  const granted = me.permissions[permission];
  if (!granted) return false;
  if (!scope) return true;
  return SCOPES.indexOf(granted) >= SCOPES.indexOf(scope);
}

/** Rial or Toman, as the tenant chose (amounts are always Rial in the API). */
export function useCurrencyDisplay(): 'rial' | 'toman' {
  return useMe().data?.settings?.currencyDisplay ?? 'rial';
}
