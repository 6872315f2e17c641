import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { buildUrl, type Query } from '../../../app/api-client.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { downloadUrl } from '../../../components/ui/data-table/export-menu.js';
import { customersApi, EXPORT_COLUMNS } from '../customers-api.js';
import { HIDDEN_CUSTOMER_COLUMNS } from './customer-columns.js';
import { currentTableParams, visibleColumns } from './table-state.js';

type Scope = 'selected' | 'view' | 'all';
type Format = 'xlsx' | 'csv';

/** «خروجی»: selected rows / this view (search, filters, sort) / all customers × XLSX / CSV, with the visible columns. */
export function CustomerExportMenu({ tableId, selectedIds }: { tableId: string; selectedIds: readonly string[] }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const C = t.customers;

  const run = (scope: Scope, format: Format) => {
    setAnchor(null);
    const columns = visibleColumns(tableId, EXPORT_COLUMNS, HIDDEN_CUSTOMER_COLUMNS).join(',');
    let query: Query = { format, columns };
    if (scope === 'selected') query = { ...query, ids: selectedIds.join(',') };
    if (scope === 'view') {
      const p = currentTableParams(queryClient, tableId);
      query = { ...query, ...(p?.filters ?? {}), q: p?.q, sort: p?.sort };
    }
    downloadUrl(buildUrl(customersApi.exportUrl, query));
  };

  const none = selectedIds.length === 0;
  return (
    <>
      <Button
        size="small"
        startIcon={<FileDownloadOutlined />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={Boolean(anchor)}
      >
        {t.table.export}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem disabled={none} onClick={() => run('selected', 'xlsx')}>
          {C.exportSelectedXlsx}
        </MenuItem>
        <MenuItem disabled={none} onClick={() => run('selected', 'csv')}>
          {C.exportSelectedCsv}
        </MenuItem>
        <Divider />
        <MenuItem onClick={() => run('view', 'xlsx')}>{C.exportViewXlsx}</MenuItem>
        <MenuItem onClick={() => run('view', 'csv')}>{C.exportViewCsv}</MenuItem>
        <Divider />
        <MenuItem onClick={() => run('all', 'xlsx')}>{C.exportAllXlsx}</MenuItem>
        <MenuItem onClick={() => run('all', 'csv')}>{C.exportAllCsv}</MenuItem>
      </Menu>
    </>
  );
}
