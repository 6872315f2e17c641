import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client.js';

export type UnitKind = 'branch' | 'department';
export type Unit = {
  id: string;
  parentId: string | null;
  name: string;
  kind: UnitKind;
  managerId: string | null;
  /** Not promised by the API; used when present. */
  managerName?: string | null;
  staffCount: number;
};
export type UnitNode = Unit & { children: UnitNode[]; depth: number };

export const unitsKey = ['units'] as const;

export function useUnits() {
  return useQuery({ queryKey: unitsKey, queryFn: () => api.get<{ items: Unit[] }>('/api/units'), select: (d) => d.items, staleTime: 60_000 });
}

/** Flat rows → tree (orphans become roots so nothing disappears), children sorted by name. */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const u of units) nodes.set(u.id, { ...u, children: [], depth: 0 });
  const roots: UnitNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  const order = (list: UnitNode[], depth: number) => {
    list.sort((a, b) => a.name.localeCompare(b.name, 'fa'));
    for (const n of list) {
      n.depth = depth;
      order(n.children, depth + 1);
    }
  };
  order(roots, 0);
  return roots;
}

/** Depth-first order with depth, for indented selects. */
export function flattenUnitTree(roots: readonly UnitNode[]): UnitNode[] {
  const out: UnitNode[] = [];
  const walk = (list: readonly UnitNode[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}

/** The unit and everything under it (a unit cannot move below itself). */
export function descendantIds(node: UnitNode): Set<string> {
  const ids = new Set<string>([node.id]);
  const walk = (n: UnitNode) => n.children.forEach((c) => (ids.add(c.id), walk(c)));
  walk(node);
  return ids;
}

export type UnitInput = { name: string; kind: UnitKind; parentId: string | null; managerId?: string | null };

export const unitsApi = {
  create: (input: UnitInput) => api.post<Unit>('/api/units', input),
  update: (id: string, input: Partial<UnitInput>) => api.patch<Unit>(`/api/units/${encodeURIComponent(id)}`, input),
  remove: (id: string) => api.delete<void>(`/api/units/${encodeURIComponent(id)}`),
};
