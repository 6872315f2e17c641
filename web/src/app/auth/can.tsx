import type { ReactNode } from 'react';
import { hasPermission, useMe, type Scope } from './use-me.js';

/** True when the signed-in user holds `permission` (at least `scope` when given). */
export function useCan(permission: string | undefined, scope?: Scope): boolean {
  const { data } = useMe();
  return hasPermission(data, permission, scope);
}

/** A predicate for lists (sidebar, command palette, settings tabs). */
export function usePermissionCheck(): (permission: string | undefined) => boolean {
  const { data } = useMe();
  return (permission) => hasPermission(data, permission);
}

type CanProps = { permission: string; scope?: Scope; children: ReactNode; fallback?: ReactNode };

/** Renders children only with the permission: buttons the user may not use are hidden, not disabled. */
export function Can({ permission, scope, children, fallback = null }: CanProps) {
  return useCan(permission, scope) ? <>{children}</> : <>{fallback}</>;
}
