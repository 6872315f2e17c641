import AddOutlined from '@mui/icons-material/AddOutlined';
import Badge from '@mui/material/Badge';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../../app/auth/can.js';
import { useFormat } from '../../app/format.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { activitiesApi, activityKeys, type Activity, type FollowUp } from './activities-api.js';
import { ActivityFormDialog } from './activity-form-dialog.js';
import { ActivityTable } from './activity-table.js';
import { FollowUpActionDialog, type FollowUpAction } from './follow-up-action-dialog.js';
import { useOpenActivity } from './use-open-activity.js';

/** /follow-ups — the telemarketer's cartable: follow-ups due for me now (overdue in red), one click to act. */
export function FollowUpCartablePage() {
  const f = useFormat();
  const canEdit = useCan('activities.edit');
  const canCreate = useCan('activities.create');
  const [view, setView] = useState<'due' | 'upcoming'>('due');
  const [acting, setActing] = useState<{ item: FollowUp; action: FollowUpAction } | null>(null);
  const [editing, setEditing] = useState<Activity | null | undefined>(undefined);
  const opened = useOpenActivity();
  const list = useQuery({ queryKey: activityKeys.followUps(view), queryFn: () => activitiesApi.followUps(view) });
  const counts = list.data?.counts;
  const items = list.data?.items ?? [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const act = (a: Activity, action: FollowUpAction) => setActing({ item: byId.get(a.id)!, action });
  const actions = (a: Activity) => canEdit && (
    <Stack direction="row" spacing={0.5}>
      <Button size="small" variant="contained" onClick={() => act(a, 'log')}>ثبت تماس</Button>
      <Button size="small" onClick={() => act(a, 'postpone')}>تعویق</Button>
      <Button size="small" onClick={() => act(a, 'close')}>بستن</Button>
      <Button size="small" onClick={() => act(a, 'refer')}>ارجاع</Button>
    </Stack>
  );
  return (
    <>
      <PageHeader title="کارتابل پیگیری" subtitle={counts ? `${f.digits(counts.due)} پیگیری سررسیده، ${f.digits(counts.overdue)} مورد عقب‌افتاده` : undefined}
        actions={canCreate && <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing(null)}>پیگیری تازه</Button>} />
      <Tabs value={view} onChange={(_e, v: 'due' | 'upcoming') => setView(v)} sx={{ mb: 2 }} aria-label="پیگیری‌ها">
        <Tab value="due" label={<Badge color="error" badgeContent={counts ? f.digits(counts.overdue) : 0} invisible={!counts?.overdue} sx={{ px: 1.5 }}>سررسید امروز و گذشته</Badge>} />
        <Tab value="upcoming" label={<Badge color="primary" badgeContent={counts ? f.digits(counts.upcoming) : 0} invisible={!counts?.upcoming} sx={{ px: 1.5 }}>آینده</Badge>} />
      </Tabs>
      <ActivityTable label="پیگیری‌های من" items={items} empty={list.isPending ? '…' : 'پیگیری سررسیده‌ای ندارید.'} onOpen={(a) => setEditing(a)} actions={actions}
        detail={(a) => { const i = byId.get(a.id); return i ? [i.customerMobile && `تلفن: ${f.digits(i.customerMobile)}`, i.lastResult && `آخرین نتیجه: ${i.lastResult}`].filter(Boolean).join(' · ') || null : null; }} />
      <FollowUpActionDialog item={acting?.item ?? null} action={acting?.action ?? null} onClose={() => setActing(null)} />
      <ActivityFormDialog open={editing !== undefined || !!opened.activity} activity={editing ?? opened.activity} seed={{ isFollowUp: true }} onClose={() => { setEditing(undefined); opened.close(); }} />
    </>
  );
}
