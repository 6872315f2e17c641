import AddOutlined from '@mui/icons-material/AddOutlined';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import PersonAddAltOutlined from '@mui/icons-material/PersonAddAltOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Button from '@mui/material/Button';
import type { GridSortModel } from '@mui/x-data-grid';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Can, useCan } from '../../app/auth/can.js';
import { useFormat } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../app/navigation.js';
import { DataTable } from '../../components/ui/data-table/data-table.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { fetchCustomerPage, type SavedView, type SavedViewConfig } from './customers-api.js';
import { AssignDialog } from './list/assign-dialog.js';
import { customerColumns, HIDDEN_CUSTOMER_COLUMNS } from './list/customer-columns.js';
import { CustomerExportMenu } from './list/customer-export-menu.js';
import { CustomerFilterChips, CustomerFilterControls } from './list/customer-filter-bar.js';
import { SavedViewsMenu } from './list/saved-views-menu.js';
import { currentTableParams, sortModelOf, visibleColumns, writeVisibleColumns } from './list/table-state.js';
import { useCustomerFilters } from './list/use-customer-filters.js';

const TABLE_ID = 'customers';
const DEFAULT_SORT: GridSortModel = [{ field: 'createdAt', sort: 'desc' }];

/** /customers — search, filters (in the address bar), saved views, export, bulk owner assignment. */
export function CustomerListPage() {
  const t = useT();
  const f = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canExport = useCan(PERMISSIONS.customersExport);
  const canAssign = useCan(PERMISSIONS.customersAssign);
  const filtersApi = useCustomerFilters();
  const columns = useMemo(() => customerColumns(t, f), [t, f]);
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState(false);
  // Applying a saved view remounts the table with the view's sort and columns.
  const [tableKey, setTableKey] = useState(0);
  const [initialSort, setInitialSort] = useState<GridSortModel>(DEFAULT_SORT);
  const allFields = useMemo(() => columns.map((c) => c.field), [columns]);

  const currentConfig = useCallback(
    (): SavedViewConfig => ({
      filters: { ...filtersApi.filters } as Record<string, string>,
      sort: currentTableParams(queryClient, TABLE_ID)?.sort,
      columns: visibleColumns(TABLE_ID, allFields, HIDDEN_CUSTOMER_COLUMNS),
    }),
    [filtersApi.filters, queryClient, allFields],
  );

  const applyView = (view: SavedView) => {
    const c = view.config ?? { filters: {} };
    filtersApi.replaceAll(c.filters ?? {});
    if (Array.isArray(c.columns)) writeVisibleColumns(TABLE_ID, allFields, c.columns);
    setInitialSort(sortModelOf(c.sort));
    setSelected([]);
    setTableKey((k) => k + 1);
  };

  return (
    <>
      <PageHeader
        title={filtersApi.filters.noOwner === 'true' ? t.customers.navNoOwner : t.customers.title}
        actions={
          <>
            <SavedViewsMenu list={TABLE_ID} currentConfig={currentConfig} onApply={applyView} />
            <Button component={RouterLink} to="/customers/duplicates" variant="outlined" startIcon={<ContentCopyOutlined />}>
              {t.customers.findDuplicates}
            </Button>
            <Can permission={PERMISSIONS.customersImport}>
              <Button component={RouterLink} to="/customers/import" variant="outlined" startIcon={<UploadFileOutlined />}>
                {t.customers.importFromFile}
              </Button>
            </Can>
            <Can permission={PERMISSIONS.customersCreate}>
              <Button component={RouterLink} to="/customers/new" variant="contained" startIcon={<AddOutlined />}>
                {t.customers.create}
              </Button>
            </Can>
          </>
        }
      />
      <CustomerFilterChips api={filtersApi} />
      <DataTable
        key={tableKey}
        id={TABLE_ID}
        aria-label={t.customers.title}
        searchLabel={t.customers.searchLabel}
        columns={columns}
        fetchPage={fetchCustomerPage}
        filters={filtersApi.filters}
        filterSlot={<CustomerFilterControls api={filtersApi} />}
        hiddenColumns={HIDDEN_CUSTOMER_COLUMNS}
        initialSort={initialSort}
        checkboxSelection
        onSelectionChange={(ids) => setSelected(ids.map(String))}
        selectionActions={
          canAssign && (
            <Button size="small" variant="outlined" startIcon={<PersonAddAltOutlined />} onClick={() => setAssigning(true)}>
              {t.customers.assign}
            </Button>
          )
        }
        actions={canExport && <CustomerExportMenu tableId={TABLE_ID} selectedIds={selected} />}
        onRowClick={(row) => navigate(`/customers/${row.id}`)}
      />
      <AssignDialog open={assigning} ids={selected} onClose={() => setAssigning(false)} />
    </>
  );
}
