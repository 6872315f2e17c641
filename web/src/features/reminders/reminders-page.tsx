import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorText } from '../../app/format.js';
import { useDebouncedValue } from '../../app/hooks/use-debounced-value.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.js';
import { ExportMenu } from '../../components/ui/data-table/export-menu.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { NewReminderButton } from './new-reminder-button.js';
import { ReminderDetailsDialog } from './reminder-details-dialog.js';
import { ReminderFormDialog } from './reminder-form-dialog.js';
import { ReminderTable } from './reminder-table.js';
import { reminderKeys, remindersApi, type Reminder, type ReminderQuery } from './reminders-api.js';

type View = ReminderQuery['view'];
const BOXES: { key: ReminderQuery['box']; label: string }[] = [
  { key: 'all', label: 'همه' }, { key: 'received', label: 'برای من' }, { key: 'sent', label: 'ثبت‌شده برای دیگران' },
];

/** /reminders — upcoming ones (editable until due) and the archive of past ones, searchable. */
export function RemindersPage() {
  const t = useT();
  const toast = useToast();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [view, setView] = useState<View>(params.get('view') === 'archive' ? 'archive' : 'upcoming');
  const [box, setBox] = useState<ReminderQuery['box']>('all');
  const [status, setStatus] = useState('delivered');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 350) || undefined;
  const [editing, setEditing] = useState<Reminder | null>(null);
  const [deleting, setDeleting] = useState<Reminder | null>(null);
  const openId = params.get('open');
  const opened = useQuery({ queryKey: reminderKeys.one(openId ?? ''), queryFn: () => remindersApi.one(openId!), enabled: !!openId });
  const closeOpened = () => setParams((p) => { p.delete('open'); return p; }, { replace: true });

  const query: ReminderQuery = { view, box, q, ...(view === 'archive' ? { status } : {}) };
  const list = useInfiniteQuery({
    queryKey: reminderKeys.list(query),
    queryFn: ({ pageParam }) => remindersApi.list(query, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const remove = async () => {
    if (!deleting) return;
    try {
      await remindersApi.remove(deleting.id);
      toast.success('یادآور حذف شد');
      void qc.invalidateQueries({ queryKey: reminderKeys.all });
    } catch (err) { toast.error(errorText(err, t)); }
    setDeleting(null);
  };

  return (
    <>
      <PageHeader title="یادآورها" subtitle="یادآورهای شما و آن‌هایی که برای همکاران ثبت کرده‌اید؛ در زمان خود به‌صورت پیام زنده (و در صورت درخواست پیامک) اعلام می‌شوند"
        actions={<>
          <ExportMenu url="/api/reminders/export" query={query} />
          <NewReminderButton variant="contained" />
        </>} />
      <Tabs value={view} onChange={(_e, v: View) => setView(v)} sx={{ mb: 2 }} aria-label="دسته‌های یادآور">
        <Tab value="upcoming" label="پیش رو" />
        <Tab value="archive" label="بایگانی" />
      </Tabs>
      <Box sx={{ display: 'flex', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <TextField size="small" label="جستجو در متن" value={search} onChange={(e) => setSearch(e.target.value)} sx={{ width: 260 }} />
        <TextField select size="small" label="یادآورها" value={box} onChange={(e) => setBox(e.target.value as ReminderQuery['box'])} sx={{ width: 200 }}>
          {BOXES.map((b) => <MenuItem key={b.key} value={b.key}>{b.label}</MenuItem>)}
        </TextField>
        {view === 'archive' && (
          <TextField select size="small" label="وضعیت" value={status} onChange={(e) => setStatus(e.target.value)} sx={{ width: 160 }}>
            <MenuItem value="delivered">اعلام‌شده</MenuItem>
            <MenuItem value="canceled">حذف‌شده</MenuItem>
          </TextField>
        )}
      </Box>
      <ReminderTable label={view === 'upcoming' ? 'یادآورهای پیش رو' : 'بایگانی یادآورها'} items={items}
        empty={list.isPending ? '…' : view === 'upcoming' ? 'یادآور پیش رویی ندارید.' : 'یادآوری در بایگانی پیدا نشد.'}
        onOpen={(r) => setParams((p) => { p.set('open', r.id); return p; })} onEdit={setEditing} onDelete={setDeleting} />
      {list.hasNextPage && (
        <Box sx={{ textAlign: 'center', mt: 2 }}><Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>بیشتر</Button></Box>
      )}
      <ReminderDetailsDialog reminder={openId ? (opened.data ?? null) : null} onClose={closeOpened} onEdit={(r) => { closeOpened(); setEditing(r); }} />
      <ReminderFormDialog open={!!editing} reminder={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog open={!!deleting} title="حذف یادآور" message={deleting ? `یادآور «${deleting.text}» حذف شود؟` : ''} confirmText="حذف" destructive onConfirm={() => void remove()} onClose={() => setDeleting(null)} />
    </>
  );
}
