import AddOutlined from '@mui/icons-material/AddOutlined';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { SMS_STATUS_LABELS, SMS_STATUSES, type SmsStatus } from '@common/contracts/sms.contract.js';
import { errorText, useFormat } from '../../app/format.js';
import { useCan } from '../../app/auth/can.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { DataTable } from '../../components/ui/data-table/data-table.js';
import { JalaliDateTimeField } from '../../components/ui/jalali/jalali-date-time-field.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { fetchSmsMessages, smsApi, type SmsMessageOut } from './sms-api.js';
import { SmsSendDialog } from './sms-send-dialog.js';

const STATUS_COLOR: Record<SmsStatus, 'default' | 'info' | 'primary' | 'success' | 'error'> = {
  queued: 'default', sending: 'info', sent: 'primary', delivered: 'success', failed: 'error',
};
const HIDDEN = ['reference', 'createdByName', 'gatewayMessageId'];
type Filters = { status?: string | undefined; createdFrom?: string | undefined; createdTo?: string | undefined };
const isoDay = (d: Date | null) => (d ? d.toISOString() : undefined);

/** /sms — the outbox: every message with its status, why it failed, and a retry for the failed ones. */
export function SmsMessagesPage() {
  const f = useFormat();
  const t = useT();
  const toast = useToast();
  const qc = useQueryClient();
  const canSend = useCan('sms.send');
  const canExport = useCan('sms.export');
  const [filters, setFilters] = useState<Filters>({});
  const [from, setFrom] = useState<Date | null>(null);
  const [until, setUntil] = useState<Date | null>(null);
  const [sending, setSending] = useState(false);
  const refresh = useCallback(() => qc.invalidateQueries({ queryKey: ['table', 'sms-messages'] }), [qc]);

  const retry = useCallback(async (m: SmsMessageOut) => {
    try {
      await smsApi.retry(m.id);
      toast.success('پیامک دوباره در صف ارسال قرار گرفت');
      await refresh();
    } catch (err) { toast.error(errorText(err, t)); }
  }, [refresh, toast, t]);

  const columns = useMemo<GridColDef<SmsMessageOut>[]>(() => [
    { field: 'createdAt', headerName: 'زمان ثبت', width: 130, sortable: false, valueFormatter: (v: string) => f.dateTime(v) },
    { field: 'to', headerName: 'گیرنده', width: 115, sortable: false, renderCell: ({ row }) => <span dir="ltr">{f.digits(row.to)}</span> },
    { field: 'text', headerName: 'متن', flex: 1, minWidth: 160, sortable: false, renderCell: ({ row }) => (
      <Tooltip title={row.text}><Typography variant="body2" noWrap component="span">{f.digits(row.text)}</Typography></Tooltip>
    ) },
    { field: 'status', headerName: 'وضعیت', width: 105, sortable: false, renderCell: ({ row }) => (
      <Chip size="small" color={STATUS_COLOR[row.status]} label={SMS_STATUS_LABELS[row.status].fa} variant={row.status === 'queued' && row.lastError ? 'outlined' : 'filled'} />
    ) },
    { field: 'lastError', headerName: 'علت خطا / گزارش درگاه', flex: 1, minWidth: 180, sortable: false, renderCell: ({ row }) => {
      const note = row.status === 'queued' && row.nextAttemptAt
        ? `${row.lastError ?? ''} — تلاش دوباره ${f.dateTime(row.nextAttemptAt)}`
        : (row.status === 'failed' ? row.lastError : row.deliveryStatus && `درگاه: ${row.deliveryStatus}`) ?? '';
      return <Tooltip title={note}><Typography variant="body2" noWrap component="span" color={row.status === 'failed' ? 'error' : 'text.secondary'}>{f.digits(note)}</Typography></Tooltip>;
    } },
    { field: 'attempts', headerName: 'تلاش', width: 60, sortable: false, valueFormatter: (v: number) => f.number(v) },
    { field: 'sentAt', headerName: 'ارسال', width: 130, sortable: false, valueGetter: (_v, r) => r.deliveredAt ?? r.sentAt, valueFormatter: (v: string | null) => (v ? f.dateTime(v) : '—') },
    { field: 'reference', headerName: 'مرجع', width: 140, sortable: false, valueFormatter: (v: string | null) => v ?? '—' },
    { field: 'createdByName', headerName: 'ثبت‌کننده', width: 140, sortable: false, valueFormatter: (v: string | null) => v ?? 'سامانه' },
    { field: 'gatewayMessageId', headerName: 'شناسه درگاه', width: 120, sortable: false, valueFormatter: (v: string | null) => (v ? f.digits(v) : '—') },
    { field: 'actions', headerName: '', width: 110, sortable: false, renderCell: ({ row }) => (canSend && row.status === 'failed'
      ? <Button size="small" color="warning" onClick={() => void retry(row)}>ارسال دوباره</Button> : null) },
  ], [f, canSend, retry]);

  return (
    <>
      <PageHeader title="پیامک‌ها" subtitle="هر پیامک اول ذخیره و سپس ارسال می‌شود؛ اگر درگاه در دسترس نباشد، بعداً خودکار دوباره تلاش می‌شود"
        actions={canSend && <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setSending(true)}>پیامک تازه</Button>} />
      <DataTable<SmsMessageOut>
        id="sms-messages"
        columns={columns}
        fetchPage={fetchSmsMessages}
        filters={filters}
        exportUrl={canExport ? '/api/sms/messages/export' : undefined}
        searchLabel="شماره گیرنده"
        filterSlot={<>
          <TextField select size="small" label="وضعیت" value={filters.status ?? ''} onChange={(e) => setFilters((x) => ({ ...x, status: e.target.value || undefined }))} fullWidth={false} sx={{ width: 140 }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
            <MenuItem value="">همه</MenuItem>
            {SMS_STATUSES.map((s) => <MenuItem key={s} value={s}>{SMS_STATUS_LABELS[s].fa}</MenuItem>)}
          </TextField>
          <div style={{ width: 170 }}>
            <JalaliDateTimeField label="از تاریخ" withTime={false} value={from} onChange={(v) => { setFrom(v); setFilters((x) => ({ ...x, createdFrom: isoDay(v) })); }} />
          </div>
          <div style={{ width: 170 }}>
            <JalaliDateTimeField label="تا تاریخ" withTime={false} value={until} onChange={(v) => { setUntil(v); setFilters((x) => ({ ...x, createdTo: isoDay(v) })); }} />
          </div>
        </>}
        hiddenColumns={HIDDEN}
        aria-label="پیامک‌ها"
      />
      <SmsSendDialog open={sending} onClose={() => setSending(false)} onSent={() => { toast.success('پیامک در صف ارسال قرار گرفت'); void refresh(); }} />
    </>
  );
}
