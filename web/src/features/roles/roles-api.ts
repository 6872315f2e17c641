import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client.js';
import type { Scope } from '../../app/auth/use-me.js';

export type Label = { fa: string; en: string };
export type Role = { id: string; name: string; description: string | null; isSystem: boolean; memberCount: number; memberIds?: string[] };
export type UserGroup = {
  id: string;
  name: string;
  description: string | null;
  isSystem?: boolean;
  memberCount: number;
  memberIds?: string[];
};
export type Principal = Role | UserGroup;

export type Grant = { permission: string; scope: Scope };
export type PermissionCatalog = {
  modules: Array<{ key: string; label: Label; operations: Array<{ key: string; label: Label }> }>;
  scopes: Array<{ key: Scope; label: Label }>;
};

/** Roles and user groups share one API shape: /api/roles and /api/user-groups. */
export type PrincipalKind = 'roles' | 'user-groups';

export type PrincipalInput = { name: string; description?: string; memberIds?: string[] };

const base = (kind: PrincipalKind) => `/api/${kind}`;
const one = (kind: PrincipalKind, id: string) => `${base(kind)}/${encodeURIComponent(id)}`;

export const principalKeys = {
  list: (kind: PrincipalKind) => [kind] as const,
  one: (kind: PrincipalKind, id: string) => [kind, id] as const,
  grants: (kind: PrincipalKind, id: string) => [kind, id, 'permissions'] as const,
};

export const principalApi = {
  list: (kind: PrincipalKind) => api.get<{ items: Principal[] }>(base(kind)),
  get: (kind: PrincipalKind, id: string) => api.get<Principal>(one(kind, id)),
  create: (kind: PrincipalKind, input: PrincipalInput) => api.post<Principal>(base(kind), input),
  update: (kind: PrincipalKind, id: string, input: Partial<PrincipalInput>) => api.patch<Principal>(one(kind, id), input),
  remove: (kind: PrincipalKind, id: string) => api.delete<void>(one(kind, id)),
  grants: (kind: PrincipalKind, id: string) => api.get<{ grants: Grant[] }>(`${one(kind, id)}/permissions`),
  putGrants: (kind: PrincipalKind, id: string, grants: Grant[]) =>
    api.put<{ grants: Grant[] } | undefined>(`${one(kind, id)}/permissions`, { grants }),
};

export function usePrincipals(kind: PrincipalKind) {
  return useQuery({ queryKey: principalKeys.list(kind), queryFn: () => principalApi.list(kind), select: (d) => d.items });
}

/** Options for the role / group pickers of the staff form. */
export function useRoleOptions() {
  return usePrincipals('roles');
}
export function useGroupOptions() {
  return usePrincipals('user-groups');
}

export function usePermissionCatalog() {
  return useQuery({
    queryKey: ['permissions', 'catalog'],
    queryFn: () => api.get<PermissionCatalog>('/api/permissions/catalog'),
    staleTime: 10 * 60_000,
  });
}
