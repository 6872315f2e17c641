import type { GridColumnVisibilityModel } from '@mui/x-data-grid';
import { useCallback, useState } from 'react';

const key = (tableId: string) => `crm.table.${tableId}.columns`;

function read(tableId: string, defaults: GridColumnVisibilityModel): GridColumnVisibilityModel {
  try {
    const raw = window.localStorage.getItem(key(tableId));
    if (!raw) return defaults;
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const out: GridColumnVisibilityModel = { ...defaults };
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'boolean') out[k] = v;
      return out;
    }
  } catch {
    // corrupt or unavailable storage: fall back to the defaults
  }
  return defaults;
}

/** Column chooser state of one table, remembered per browser in localStorage. */
export function usePersistedColumns(tableId: string, hiddenByDefault: readonly string[] = []) {
  const [model, setModel] = useState<GridColumnVisibilityModel>(() =>
    read(tableId, Object.fromEntries(hiddenByDefault.map((f) => [f, false]))),
  );
  const update = useCallback(
    (next: GridColumnVisibilityModel) => {
      setModel(next);
      try {
        window.localStorage.setItem(key(tableId), JSON.stringify(next));
      } catch {
        // storage full or disabled: the choice lasts for this page only
      }
    },
    [tableId],
  );
  return [model, update] as const;
}
