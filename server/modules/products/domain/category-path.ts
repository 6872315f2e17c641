// Materialized paths of the product category tree: `/a/b/c/` lists the ancestors' ids and ends with
// the category's own id, so a subtree is one prefix range (`path LIKE '/a/b/%'`).

export const pathOf = (parentPath: string | null, id: string) => `${parentPath ?? '/'}${id}/`;

export const depthOf = (path: string) => path.split('/').filter(Boolean).length - 1;

/** True when `path` is `ancestorPath` itself or lies below it. */
export const isInSubtree = (path: string, ancestorPath: string) => path.startsWith(ancestorPath);

/**
 * Moving a category under `newParentPath` (null = top level): its new path, or an error when the new
 * parent is the category itself or one of its descendants (the tree would get a cycle).
 */
export function movedPath(oldPath: string, id: string, newParentPath: string | null): { path: string } | { error: 'cycle' } {
  if (newParentPath && isInSubtree(newParentPath, oldPath)) return { error: 'cycle' };
  return { path: pathOf(newParentPath, id) };
}

/** The path of a descendant after its ancestor moved from `oldPrefix` to `newPrefix`. */
export const rebasePath = (path: string, oldPrefix: string, newPrefix: string) =>
  path.startsWith(oldPrefix) ? newPrefix + path.slice(oldPrefix.length) : path;

/** The ids on a path from the top down to the category itself. */
export const idsOnPath = (path: string) => path.split('/').filter(Boolean);
