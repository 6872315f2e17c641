// Before/after of a permission change → what was added, removed or changed.
// The server stores an object per side: {grants} for roles and groups (and {name, grants} / {deleted} when one
// is deleted), {roleIds, groupIds} for users, {memberIds} for a group's members; a bare list is read as is.

export type DiffLine =
  | { kind: 'added'; key: string; after?: string | undefined }
  | { kind: 'removed'; key: string; before?: string | undefined }
  | { kind: 'changed'; key: string; before: string; after: string };

type GrantLike = { permission: string; scope?: string };

function isGrant(v: unknown): v is GrantLike {
  return typeof v === 'object' && v !== null && typeof (v as GrantLike).permission === 'string';
}

/** The diffable items of one side of a stored change, whatever its shape. */
export function itemsOf(side: unknown): unknown[] {
  if (Array.isArray(side)) return side;
  if (!side || typeof side !== 'object') return [];
  const o = side as Record<string, unknown>;
  return ['grants', 'roleIds', 'groupIds', 'memberIds'].flatMap((k) => (Array.isArray(o[k]) ? (o[k] as unknown[]) : []));
}

function toMap(side: unknown): Map<string, string | undefined> {
  const m = new Map<string, string | undefined>();
  for (const item of itemsOf(side)) {
    if (isGrant(item)) m.set(item.permission, item.scope);
    else if (typeof item === 'string' || typeof item === 'number') m.set(String(item), undefined);
    else if (item && typeof item === 'object' && 'id' in item) m.set(String((item as { id: unknown }).id), undefined);
  }
  return m;
}

export function diffPermissions(before: unknown, after: unknown): DiffLine[] {
  const a = toMap(before);
  const b = toMap(after);
  const out: DiffLine[] = [];
  for (const [key, scope] of b) {
    if (!a.has(key)) out.push({ kind: 'added', key, after: scope });
    else if (a.get(key) !== scope) out.push({ kind: 'changed', key, before: a.get(key) ?? '', after: scope ?? '' });
  }
  for (const [key, scope] of a) if (!b.has(key)) out.push({ kind: 'removed', key, before: scope });
  return out.sort((x, y) => x.key.localeCompare(y.key));
}
