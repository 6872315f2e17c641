import type { GridPaginationModel } from '@mui/x-data-grid';
import { useCallback, useRef, useState } from 'react';

/**
 * Keyset paging on top of the grid's page numbers: cursors[n] is the cursor that loads page n
 * (page 0 has none). Only the next page is reachable forward; any earlier page is remembered.
 */
export function useKeysetPaging(initialPageSize: number, resetKey: string) {
  const [model, setModel] = useState<GridPaginationModel>({ page: 0, pageSize: initialPageSize });
  const cursors = useRef<Array<string | undefined>>([undefined]);
  const lastReset = useRef(resetKey);

  // Another sort, search or filter (or page size) invalidates every cursor: back to page 0.
  let current = model;
  if (lastReset.current !== resetKey) {
    lastReset.current = resetKey;
    cursors.current = [undefined];
    if (model.page !== 0) {
      current = { ...model, page: 0 };
      setModel(current);
    }
  }

  const onPaginationModelChange = useCallback((next: GridPaginationModel) => {
    setModel((prev) => {
      if (next.pageSize !== prev.pageSize) {
        cursors.current = [undefined];
        return { page: 0, pageSize: next.pageSize };
      }
      // Never jump past the last page whose cursor we know.
      const page = Math.min(next.page, cursors.current.length - 1);
      return { page, pageSize: next.pageSize };
    });
  }, []);

  /** Record where the page after `page` starts, once the server told us. */
  const rememberNext = useCallback((page: number, nextCursor: string | null) => {
    if (nextCursor) cursors.current[page + 1] = nextCursor;
    else cursors.current.length = Math.min(cursors.current.length, page + 1);
  }, []);

  return {
    paginationModel: current,
    cursor: cursors.current[current.page],
    onPaginationModelChange,
    rememberNext,
  };
}
