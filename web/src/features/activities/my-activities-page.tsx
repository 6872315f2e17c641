import AddOutlined from '@mui/icons-material/AddOutlined';
import Badge from '@mui/material/Badge';
import Button from '@mui/material/Button';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../../app/auth/can.js';
import { useFormat } from '../../app/format.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { activitiesApi, activityKeys, type Activity, type MyBucket } from './activities-api.js';
import { ActivityFormDialog } from './activity-form-dialog.js';
import { ActivityTable } from './activity-table.js';
import { useOpenActivity } from './use-open-activity.js';

const TABS: { key: MyBucket; label: string; empty: string }[] = [
  { key: 'today', label: 'امروز', empty: 'برای امروز فعالیتی ندارید.' },
  { key: 'overdue', label: 'عقب‌افتاده', empty: 'فعالیت عقب‌افتاده‌ای ندارید.' },
  { key: 'upcoming', label: 'آینده', empty: 'فعالیت آینده‌ای ندارید.' },
];

/** /my-activities — what I am responsible for or invited to: today, overdue, upcoming. */
export function MyActivitiesPage() {
  const f = useFormat();
  const canCreate = useCan('activities.create');
  const [bucket, setBucket] = useState<MyBucket>('today');
  const [editing, setEditing] = useState<Activity | null | undefined>(undefined);
  const opened = useOpenActivity();
  const list = useQuery({ queryKey: activityKeys.mine(bucket), queryFn: () => activitiesApi.mine(bucket) });
  const counts = list.data?.counts;
  const tab = TABS.find((x) => x.key === bucket)!;
  const dialogActivity = editing ?? opened.activity;
  return (
    <>
      <PageHeader title="فعالیت‌های من" subtitle="فعالیت‌هایی که مسئول آن‌ها هستید یا به آن‌ها دعوت شده‌اید"
        actions={canCreate && <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing(null)}>ثبت فعالیت</Button>} />
      <Tabs value={bucket} onChange={(_e, v: MyBucket) => setBucket(v)} sx={{ mb: 2 }} aria-label="دسته‌های فعالیت">
        {TABS.map((x) => (
          <Tab key={x.key} value={x.key} label={
            <Badge color={x.key === 'overdue' ? 'error' : 'primary'} badgeContent={counts ? f.digits(counts[x.key]) : 0} invisible={!counts?.[x.key]} sx={{ px: 1.5 }}>{x.label}</Badge>
          } />
        ))}
      </Tabs>
      <ActivityTable label={`فعالیت‌های ${tab.label}`} items={list.data?.items ?? []} empty={list.isPending ? '…' : tab.empty} onOpen={(a) => setEditing(a)} />
      <ActivityFormDialog open={editing !== undefined || !!opened.activity} activity={dialogActivity} onClose={() => { setEditing(undefined); opened.close(); }} />
    </>
  );
}
