import AddOutlined from '@mui/icons-material/AddOutlined';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../../app/auth/can.js';
import { useDebouncedValue } from '../../app/hooks/use-debounced-value.js';
import { ExportMenu } from '../../components/ui/data-table/export-menu.js';
import { JalaliDateTimeField } from '../../components/ui/jalali/jalali-date-time-field.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { CustomerPicker } from '../customers/shared/customer-picker.js';
import type { Customer } from '../customers/customers-api.js';
import { activitiesApi, activityKeys, personName, type Activity } from './activities-api.js';
import { ActivityFormDialog } from './activity-form-dialog.js';
import { ActivityTable } from './activity-table.js';
import { ACTIVITY_STATUS_LABELS, ACTIVITY_STATUSES } from './activity-labels.js';
import { useActivityTypes, useStaffOptions } from './use-activity-options.js';
import { useOpenActivity } from './use-open-activity.js';

/** `YYYY-MM-DD` of the Tehran day the picker chose (the API reads a date without a zone as Tehran time). */
const day = (d: Date | null) => (d ? d.toLocaleDateString('en-CA', { timeZone: 'Asia/Tehran' }) : undefined);

/** /activities — every activity the user may see, filtered by type, staff, customer, status and Jalali period; exportable. */
export function ActivitiesPage() {
  const canCreate = useCan('activities.create');
  const canExport = useCan('activities.export');
  const types = useActivityTypes().data ?? [];
  const staff = useStaffOptions().data ?? [];
  const [q, setQ] = useState('');
  const [typeId, setTypeId] = useState('');
  const [responsibleId, setResponsibleId] = useState('');
  const [status, setStatus] = useState('');
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [from, setFrom] = useState<Date | null>(null);
  const [to, setTo] = useState<Date | null>(null);
  const [editing, setEditing] = useState<Activity | null | undefined>(undefined);
  const opened = useOpenActivity();
  const debounced = useDebouncedValue(q.trim(), 300);
  const filters = { q: debounced || undefined, typeId: typeId || undefined, responsibleId: responsibleId || undefined, status: status || undefined, customerId: customer?.id, from: day(from), to: day(to) };
  const list = useInfiniteQuery({
    queryKey: activityKeys.list(filters),
    queryFn: ({ pageParam }) => activitiesApi.list({ ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title="فهرست فعالیت‌ها" actions={<>
        {canExport && <ExportMenu url="/api/activities/export" query={filters} />}
        {canCreate && <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing(null)}>ثبت فعالیت</Button>}
      </>} />
      <Paper sx={{ p: 2, mb: 2 }}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', '& > *': { minWidth: 180, flex: '1 1 180px' } }}>
          <TextField size="small" label="جستجو در موضوع و توضیحات" value={q} onChange={(e) => setQ(e.target.value)} />
          <TextField select size="small" label="نوع فعالیت" value={typeId} onChange={(e) => setTypeId(e.target.value)}>
            <MenuItem value="">همه</MenuItem>
            {types.map((x) => <MenuItem key={x.id} value={x.id}>{x.name}</MenuItem>)}
          </TextField>
          <TextField select size="small" label="مسئول" value={responsibleId} onChange={(e) => setResponsibleId(e.target.value)}>
            <MenuItem value="">همه</MenuItem>
            {staff.map((s) => <MenuItem key={s.id} value={s.id}>{personName(s)}</MenuItem>)}
          </TextField>
          <TextField select size="small" label="وضعیت" value={status} onChange={(e) => setStatus(e.target.value)}>
            <MenuItem value="">همه</MenuItem>
            {ACTIVITY_STATUSES.map((s) => <MenuItem key={s} value={s}>{ACTIVITY_STATUS_LABELS[s]}</MenuItem>)}
          </TextField>
          <CustomerPicker label="مشتری" value={customer} onChange={setCustomer} />
          <JalaliDateTimeField label="از تاریخ" withTime={false} value={from} onChange={setFrom} />
          <JalaliDateTimeField label="تا تاریخ" withTime={false} value={to} onChange={setTo} />
        </Stack>
      </Paper>
      <ActivityTable label="فعالیت‌ها" items={items} empty={list.isPending ? '…' : 'فعالیتی با این شرایط پیدا نشد.'} onOpen={(a) => setEditing(a)} />
      {list.hasNextPage && <Button sx={{ mt: 1 }} onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>موارد بیشتر</Button>}
      <ActivityFormDialog open={editing !== undefined || !!opened.activity} activity={editing ?? opened.activity} onClose={() => { setEditing(undefined); opened.close(); }} />
    </>
  );
}
