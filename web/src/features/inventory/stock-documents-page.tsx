import AddOutlined from '@mui/icons-material/AddOutlined';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { GridColDef } from '@mui/x-data-grid';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { STOCK_DOCUMENT_KINDS } from '@common/contracts/inventory.contract.js';
import { toPersianDigits } from '@common/text.js';
import { useFormat } from '../../app/format.js';
import { Can, useCan } from '../../app/auth/can.js';
import { PERMISSIONS as P } from '../../app/navigation.js';
import { DataTable } from '../../components/ui/data-table/data-table.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { fetchDocuments, inventoryApi, type StockDocument } from './inventory-api.js';
import { kindLabel, STATUS_LABEL } from './i18n.js';

/** /stock-documents — receipts, issues, transfers, adjustments and exit permits, newest date first. */
export function StockDocumentsPage() {
  const f = useFormat();
  const navigate = useNavigate();
  const canExport = useCan(P.stockDocumentsExport);
  const [filters, setFilters] = useState<{ kind?: string; status?: string; warehouseId?: string }>({});
  const warehouses = useQuery({ queryKey: ['warehouses'], queryFn: inventoryApi.warehouses });
  const columns = useMemo<GridColDef<StockDocument>[]>(() => [
    { field: 'docDate', headerName: 'تاریخ', width: 110, sortable: false, valueFormatter: (v: string) => f.date(v) },
    { field: 'kind', headerName: 'نوع', width: 140, sortable: false, valueFormatter: (v: StockDocument['kind']) => kindLabel(v) },
    { field: 'number', headerName: 'شماره', width: 90, sortable: false, valueFormatter: (v: number) => toPersianDigits(v) },
    { field: 'warehouseName', headerName: 'انبار', flex: 1, minWidth: 140, sortable: false, valueGetter: (_v, r) => (r.toWarehouseName ? `${r.warehouseName} ← ${r.toWarehouseName}` : r.warehouseName) },
    { field: 'lineCount', headerName: 'ردیف‌ها', width: 80, sortable: false, valueFormatter: (v: number) => toPersianDigits(v) },
    { field: 'status', headerName: 'وضعیت', width: 130, sortable: false, renderCell: ({ row }) => (
      <Chip size="small" color={row.status === 'confirmed' ? (row.reversedById ? 'warning' : 'success') : 'default'} label={row.reversedById ? 'برگشت‌خورده' : STATUS_LABEL[row.status]} />
    ) },
    { field: 'description', headerName: 'توضیحات', flex: 1, minWidth: 160, sortable: false },
  ], [f]);
  const select = (key: keyof typeof filters, label: string, options: [string, string][]) => (
    <TextField select size="small" label={label} value={filters[key] ?? ''} onChange={(e) => setFilters((x) => ({ ...x, [key]: e.target.value || undefined }))} fullWidth={false} sx={{ width: 150 }}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
      <MenuItem value="">همه</MenuItem>
      {options.map(([v, l]) => <MenuItem key={v} value={v}>{l}</MenuItem>)}
    </TextField>
  );
  return (
    <>
      <PageHeader title="اسناد انبار" actions={
        <Can permission={P.stockDocumentsCreate}>
          <Button component={RouterLink} to="/stock-documents/new" variant="contained" startIcon={<AddOutlined />}>سند تازه</Button>
        </Can>
      } />
      <DataTable<StockDocument>
        id="stock-documents"
        columns={columns}
        fetchPage={fetchDocuments}
        filters={filters}
        exportUrl={canExport ? '/api/stock-documents/export' : undefined}
        filterSlot={<>
          {select('kind', 'نوع سند', STOCK_DOCUMENT_KINDS.map((k) => [k, kindLabel(k)]))}
          {select('status', 'وضعیت', [['draft', STATUS_LABEL.draft], ['confirmed', STATUS_LABEL.confirmed]])}
          {select('warehouseId', 'انبار', (warehouses.data?.items ?? []).map((w) => [w.id, w.name]))}
        </>}
        onRowClick={(r) => navigate(`/stock-documents/${r.id}`)}
        aria-label="اسناد انبار"
      />
    </>
  );
}
