import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import {
  DataGrid,
  type GridColDef,
  type GridLocaleText,
  type GridRowId,
  type GridRowParams,
  type GridRowSelectionModel,
  type GridSortModel,
  type GridValidRowModel,
} from '@mui/x-data-grid';
import { enUS as gridEnUS, faIR as gridFaIR } from '@mui/x-data-grid/locales';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { errorText, useFormat } from '../../../app/format.js';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.js';
import { useLocale, useT } from '../../../app/i18n/locale-provider.js';
import { DataTableToolbar, ToolbarContext, type ToolbarState } from './data-table-toolbar.js';
import { listQuery, type FetchPage, type FilterValues, type PageParams } from './types.js';
import { useKeysetPaging } from './use-keyset-paging.js';
import { usePersistedColumns } from './use-persisted-columns.js';

export type DataTableProps<T extends GridValidRowModel> = {
  /** Stable id: query cache key and the localStorage key of the column chooser. */
  id: string;
  columns: GridColDef<T>[];
  fetchPage: FetchPage<T>;
  /** Server filters chosen by the page (e.g. `{active: 'true', unitId}`); also sent to the export. */
  filters?: FilterValues;
  /** Filter controls shown in the toolbar beside the search box. */
  filterSlot?: ReactNode;
  /** Extra toolbar buttons. */
  actions?: ReactNode;
  /** `/api/<resource>/export`; the Export menu is hidden when missing (pass it only with the export permission). */
  exportUrl?: string | undefined;
  initialSort?: GridSortModel;
  pageSizeOptions?: number[];
  /** Columns hidden until the user shows them in the column chooser. */
  hiddenColumns?: string[];
  checkboxSelection?: boolean;
  onSelectionChange?: (ids: GridRowId[]) => void;
  /** Shown in the toolbar while rows are selected (bulk actions). */
  selectionActions?: ReactNode;
  onRowClick?: (row: T) => void;
  getRowId?: (row: T) => GridRowId;
  searchLabel?: string;
  /** Grid height; the grid virtualizes rows inside it. */
  height?: number | string;
  'aria-label'?: string;
};

function sortParam(model: GridSortModel): string | undefined {
  const first = model[0];
  if (!first || !first.sort) return undefined;
  return first.sort === 'desc' ? `-${first.field}` : first.field;
}

/** Server-driven list: keyset paging, server sort, search, filters, column chooser, export. */
export function DataTable<T extends GridValidRowModel>(props: DataTableProps<T>) {
  const t = useT();
  const f = useFormat();
  const { locale } = useLocale();
  const pageSizes = props.pageSizeOptions ?? [25, 50, 100];
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 350) || undefined;
  const [sortModel, setSortModel] = useState<GridSortModel>(props.initialSort ?? []);
  const [columnVisibility, setColumnVisibility] = usePersistedColumns(props.id, props.hiddenColumns);
  const [selection, setSelection] = useState<GridRowSelectionModel>({ type: 'include', ids: new Set() });
  const filters = useMemo(() => props.filters ?? {}, [props.filters]);
  const sort = sortParam(sortModel);

  const resetKey = JSON.stringify([q, sort, filters]);
  const paging = useKeysetPaging(pageSizes[0] ?? 25, resetKey);
  const { page, pageSize } = paging.paginationModel;

  const params: PageParams = { limit: pageSize, cursor: paging.cursor, sort, q, filters };
  const { fetchPage } = props;
  const query = useQuery({
    queryKey: ['table', props.id, params],
    queryFn: ({ signal }) => fetchPage(params, signal),
    placeholderData: keepPreviousData,
  });

  const rememberNext = paging.rememberNext;
  useEffect(() => {
    if (query.data && !query.isPlaceholderData) rememberNext(page, query.data.nextCursor);
  }, [query.data, query.isPlaceholderData, page, rememberNext]);

  // The server counts on the first page only; keep that count for the later pages and while the
  // next page loads (a changing rowCount sends the grid back to page 0). New search/sort/filter: recount.
  const lastCount = useRef(-1);
  const countFor = useRef(resetKey);
  if (countFor.current !== resetKey) {
    countFor.current = resetKey;
    lastCount.current = -1;
  }
  const total = query.data?.total;
  if (typeof total === 'number' && !query.isPlaceholderData) lastCount.current = total;
  const hasNextPage = Boolean(query.data?.nextCursor);

  const localeText = useMemo<Partial<GridLocaleText>>(() => {
    const base = (locale === 'fa' ? gridFaIR : gridEnUS).components.MuiDataGrid.defaultProps.localeText;
    return {
      ...base,
      // faIR leaves this unset (English "1–25 of 100" garbled in RTL): spell it out with Persian digits.
      paginationDisplayedRows: ({ from, to, count }) =>
        t.table.displayedRows(f.number(from), f.number(to), count === -1 ? t.table.moreThan(f.number(to)) : f.number(count)),
    };
  }, [locale, t, f]);

  const toolbar: ToolbarState = {
    search,
    onSearch: setSearch,
    searchLabel: props.searchLabel,
    filters: props.filterSlot,
    actions: props.actions,
    selectionCount: selection.type === 'include' ? selection.ids.size : 0,
    selectedIds: selection.type === 'include' ? [...selection.ids].map(String) : [],
    selectionActions: props.selectionActions,
    exportUrl: props.exportUrl,
    exportQuery: listQuery({ q, sort, filters }),
  };

  const onSelectionChange = props.onSelectionChange;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      {query.isError && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void query.refetch()}>
              {t.common.retry}
            </Button>
          }
        >
          {t.table.loadFailed}: {errorText(query.error, t)}
        </Alert>
      )}
      <Box sx={{ height: props.height ?? 'calc(100vh - 200px)', minHeight: 420, width: '100%' }}>
        <ToolbarContext.Provider value={toolbar}>
          <DataGrid<T>
            aria-label={props['aria-label']}
            rows={query.data?.items ?? []}
            columns={props.columns}
            getRowId={props.getRowId}
            loading={query.isFetching}
            localeText={localeText}
            showToolbar
            slots={{ toolbar: DataTableToolbar }}
            slotProps={{ loadingOverlay: { variant: 'linear-progress', noRowsVariant: 'skeleton' } }}
            paginationMode="server"
            sortingMode="server"
            filterMode="server"
            disableColumnFilter
            rowCount={lastCount.current}
            paginationMeta={{ hasNextPage }}
            paginationModel={paging.paginationModel}
            onPaginationModelChange={paging.onPaginationModelChange}
            pageSizeOptions={pageSizes.map((n) => ({ value: n, label: f.number(n) }))}
            sortModel={sortModel}
            onSortModelChange={setSortModel}
            columnVisibilityModel={columnVisibility}
            onColumnVisibilityModelChange={setColumnVisibility}
            checkboxSelection={props.checkboxSelection ?? false}
            keepNonExistentRowsSelected
            disableRowSelectionOnClick
            rowSelectionModel={selection}
            onRowSelectionModelChange={(model) => {
              setSelection(model);
              onSelectionChange?.([...model.ids]);
            }}
            onRowClick={props.onRowClick ? (p: GridRowParams<T>) => props.onRowClick?.(p.row) : undefined}
            sx={{
              bgcolor: 'background.paper',
              '& .MuiDataGrid-row': props.onRowClick ? { cursor: 'pointer' } : undefined,
              '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 700 },
            }}
          />
        </ToolbarContext.Provider>
      </Box>
    </Box>
  );
}
