// What the customer list needs to know about the shared DataTable's state, read from the outside:
// the current query (search, sort, filters) from the React Query cache and the column chooser's
// choice from localStorage. DataTable keeps both private; these helpers follow its documented keys
// (`['table', id, params]`, `crm.table.<id>.columns`).
import type { QueryClient } from '@tanstack/react-query';
import type { GridColumnVisibilityModel, GridSortModel } from '@mui/x-data-grid';
import type { PageParams } from '../../../components/ui/data-table/types.js';

const columnsKey = (tableId: string) => `crm.table.${tableId}.columns`;

/** The params of the page the table shows now (its only active query). */
export function currentTableParams(queryClient: QueryClient, tableId: string): PageParams | undefined {
  const active = queryClient.getQueryCache().findAll({ queryKey: ['table', tableId], type: 'active' });
  return active[0]?.queryKey[2] as PageParams | undefined;
}

export function readColumnModel(tableId: string, hiddenByDefault: readonly string[]): GridColumnVisibilityModel {
  const model: GridColumnVisibilityModel = Object.fromEntries(hiddenByDefault.map((f) => [f, false]));
  try {
    const raw = window.localStorage.getItem(columnsKey(tableId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === 'object') for (const [k, v] of Object.entries(parsed)) if (typeof v === 'boolean') model[k] = v;
  } catch {
    // unreadable storage: defaults
  }
  return model;
}

/** The fields shown now, in column order. */
export function visibleColumns(tableId: string, fields: readonly string[], hiddenByDefault: readonly string[]): string[] {
  const model = readColumnModel(tableId, hiddenByDefault);
  return fields.filter((f) => model[f] !== false);
}

/** Make exactly `visible` shown (applied when the table mounts again). */
export function writeVisibleColumns(tableId: string, fields: readonly string[], visible: readonly string[]): void {
  const model = Object.fromEntries(fields.map((f) => [f, visible.includes(f)]));
  try {
    window.localStorage.setItem(columnsKey(tableId), JSON.stringify(model));
  } catch {
    // storage disabled: the view's columns are not applied
  }
}

export function sortModelOf(sort: string | undefined): GridSortModel {
  if (!sort) return [];
  return sort.startsWith('-') ? [{ field: sort.slice(1), sort: 'desc' }] : [{ field: sort, sort: 'asc' }];
}
