import AddOutlined from '@mui/icons-material/AddOutlined';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { GridColDef } from '@mui/x-data-grid';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { RESERVATION_STATUSES } from '@common/contracts/inventory.contract.js';
import { errorText, useFormat } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { useCan } from '../../app/auth/can.js';
import { PERMISSIONS as P } from '../../app/navigation.js';
import { useConfirm } from '../../components/ui/confirm-dialog.js';
import { DataTable } from '../../components/ui/data-table/data-table.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { fetchReservations, inventoryApi, type ProductOption, type ReservationOut } from './inventory-api.js';
import { ProductPicker } from './product-picker.js';
import { ReservationDialog } from './reservation-dialog.js';
import { reservationStatusLabel, showQty } from './i18n.js';

const STATUS_COLOR = { active: 'primary', released: 'default', consumed: 'success', expired: 'warning' } as const;
const HIDDEN = ['createdAt'];
type Filters = { status?: string | undefined; warehouseId?: string | undefined; productId?: string | undefined };

/** /reservations — stock held for quotes and orders until a deadline; an active one can be released. */
export function ReservationsPage() {
  const f = useFormat();
  const t = useT();
  const toast = useToast();
  const confirm = useConfirm();
  const qc = useQueryClient();
  const canCreate = useCan(P.reservationsCreate);
  const canRelease = useCan(P.reservationsDelete);
  const canExport = useCan('reservations.export');
  const [filters, setFilters] = useState<Filters>({ status: 'active' });
  const [product, setProduct] = useState<ProductOption | null>(null);
  const [creating, setCreating] = useState(false);
  const warehouses = useQuery({ queryKey: ['warehouses'], queryFn: inventoryApi.warehouses });
  const refresh = useCallback(() => qc.invalidateQueries({ queryKey: ['table', 'reservations'] }), [qc]);

  const release = useCallback(async (r: ReservationOut) => {
    const ok = await confirm({
      title: 'آزاد کردن رزرو',
      message: `${showQty(r.quantity)} از «${r.productName}» در «${r.warehouseName}» به موجودی قابل فروش برمی‌گردد.`,
      confirmText: 'آزاد کردن', destructive: true,
    });
    if (!ok) return;
    try {
      await inventoryApi.releaseReservation(r.id);
      toast.success('رزرو آزاد شد');
      await refresh();
    } catch (err) { toast.error(errorText(err, t)); }
  }, [confirm, refresh, toast, t]);

  const columns = useMemo<GridColDef<ReservationOut>[]>(() => [
    { field: 'productName', headerName: 'کالا', flex: 1, minWidth: 180, sortable: false },
    { field: 'warehouseName', headerName: 'انبار', width: 160, sortable: false },
    { field: 'quantity', headerName: 'مقدار', width: 110, sortable: false, valueFormatter: (v: string) => showQty(v) },
    { field: 'reference', headerName: 'مرجع', width: 140, sortable: false, valueFormatter: (v: string | null) => (v ? f.digits(v) : '—') },
    { field: 'expiresAt', headerName: 'مهلت', width: 150, sortable: false, valueFormatter: (v: string) => f.dateTime(v) },
    { field: 'status', headerName: 'وضعیت', width: 110, sortable: false, renderCell: ({ row }) => <Chip size="small" color={STATUS_COLOR[row.status]} label={reservationStatusLabel(row.status)} /> },
    { field: 'createdAt', headerName: 'ثبت', width: 150, sortable: false, valueFormatter: (v: string) => f.dateTime(v) },
    { field: 'actions', headerName: '', width: 120, sortable: false, renderCell: ({ row }) => (canRelease && row.status === 'active'
      ? <Button size="small" color="warning" onClick={() => void release(row)}>آزاد کردن</Button> : null) },
  ], [f, canRelease, release]);

  const select = (key: 'status' | 'warehouseId', label: string, options: [string, string][]) => (
    <TextField select size="small" label={label} value={filters[key] ?? ''} onChange={(e) => setFilters((x) => ({ ...x, [key]: e.target.value || undefined }))} fullWidth={false} sx={{ width: 150 }}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
      <MenuItem value="">همه</MenuItem>
      {options.map(([v, l]) => <MenuItem key={v} value={v}>{l}</MenuItem>)}
    </TextField>
  );
  return (
    <>
      <PageHeader title="رزرو موجودی" subtitle="کالای رزروشده تا مهلتش از موجودی قابل فروش کم می‌شود؛ موجودی انبار تغییر نمی‌کند"
        actions={canCreate && <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>رزرو تازه</Button>} />
      <DataTable<ReservationOut>
        id="reservations"
        columns={columns}
        fetchPage={fetchReservations}
        filters={filters}
        exportUrl={canExport ? '/api/reservations/export' : undefined}
        searchLabel="مرجع (دقیق)"
        filterSlot={<>
          {select('status', 'وضعیت', RESERVATION_STATUSES.map((s) => [s, reservationStatusLabel(s)]))}
          {select('warehouseId', 'انبار', (warehouses.data?.items ?? []).map((w) => [w.id, w.name]))}
          <ProductPicker width={240} value={product} onChange={(p) => { setProduct(p); setFilters((x) => ({ ...x, productId: p?.id })); }} />
        </>}
        hiddenColumns={HIDDEN}
        aria-label="رزروها"
      />
      <ReservationDialog open={creating} onClose={() => setCreating(false)} onSaved={() => { toast.success('رزرو ثبت شد'); void refresh(); }} />
    </>
  );
}
