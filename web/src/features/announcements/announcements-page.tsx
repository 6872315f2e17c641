import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../app/auth/can.js';
import { useFormat } from '../../app/format.js';
import { useDebouncedValue } from '../../app/hooks/use-debounced-value.js';
import { ExportMenu } from '../../components/ui/data-table/export-menu.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { AnnouncementComposeDialog } from './announcement-compose-dialog.js';
import { AnnouncementDetailsDialog } from './announcement-details-dialog.js';
import { AnnouncementReadsDialog } from './announcement-reads-dialog.js';
import { AnnouncementTable } from './announcement-table.js';
import { announcementKeys, announcementsApi, type Announcement } from './announcements-api.js';

type Box_ = 'inbox' | 'sent';

/** /announcements — my inbox for everyone; for managers also compose and what they sent, with read status. */
export function AnnouncementsPage() {
  const f = useFormat();
  const qc = useQueryClient();
  const canSend = useCan('announcements.create');
  const [params, setParams] = useSearchParams();
  const [tab, setTab] = useState<Box_>('inbox');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 350) || undefined;
  const [composing, setComposing] = useState(false);
  const [editing, setEditing] = useState<Announcement | null>(null);
  const [reading, setReading] = useState<Announcement | null>(null);
  const [statusOf, setStatusOf] = useState<Announcement | null>(null);

  const list = useInfiniteQuery({
    queryKey: tab === 'inbox' ? announcementKeys.inbox({ q }) : announcementKeys.sent({ q }),
    queryFn: ({ pageParam }) => (tab === 'inbox' ? announcementsApi.inbox({ q }, pageParam) : announcementsApi.sent({ q }, pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;

  // Opening one I received marks it read (the first time counts for the sender's table).
  const open = (a: Announcement) => {
    setReading(a);
    if (tab === 'inbox' && !a.readAt) void announcementsApi.read(a.id).then(() => qc.invalidateQueries({ queryKey: announcementKeys.all }));
  };
  const openId = params.get('open');
  const linked = useQuery({ queryKey: announcementKeys.one(openId ?? ''), queryFn: () => announcementsApi.one(openId!), enabled: !!openId });
  useEffect(() => {
    if (!linked.data) return;
    setReading(linked.data);
    if (!linked.data.readAt) void announcementsApi.read(linked.data.id).catch(() => undefined).then(() => qc.invalidateQueries({ queryKey: announcementKeys.all }));
    setParams((p) => { p.delete('open'); return p; }, { replace: true });
  }, [linked.data, qc, setParams]);

  return (
    <>
      <PageHeader title="اطلاعیه‌ها" subtitle="اطلاعیه‌های مدیران به پرسنل؛ فرستنده می‌بیند چه کسی و کی آن را خوانده است"
        actions={canSend && <>
          {tab === 'sent' && <ExportMenu url="/api/announcements/sent/export" query={{ q }} />}
          <Button variant="contained" startIcon={<CampaignOutlined />} onClick={() => setComposing(true)}>اطلاعیه تازه</Button>
        </>} />
      <Tabs value={tab} onChange={(_e, v: Box_) => setTab(v)} sx={{ mb: 2 }} aria-label="اطلاعیه‌ها">
        <Tab value="inbox" label={<Badge color="primary" badgeContent={f.digits(unread)} invisible={!unread || tab !== 'inbox'} sx={{ px: 1.5 }}>دریافتی</Badge>} />
        {canSend && <Tab value="sent" label="ارسال‌شده" />}
      </Tabs>
      <Box sx={{ mb: 2 }}><TextField size="small" label="جستجو" value={search} onChange={(e) => setSearch(e.target.value)} sx={{ width: 260 }} /></Box>
      <AnnouncementTable label={tab === 'inbox' ? 'اطلاعیه‌های دریافتی' : 'اطلاعیه‌های ارسال‌شده'} items={items} sent={tab === 'sent'}
        empty={list.isPending ? '…' : 'اطلاعیه‌ای نیست.'} onOpen={(a) => (tab === 'sent' ? setStatusOf(a) : open(a))} onEdit={setEditing} />
      {list.hasNextPage && <Box sx={{ textAlign: 'center', mt: 2 }}><Button onClick={() => void list.fetchNextPage()}>بیشتر</Button></Box>}
      <AnnouncementDetailsDialog announcement={reading} onClose={() => setReading(null)} onReads={(a) => { setReading(null); setStatusOf(a); }} />
      <AnnouncementReadsDialog announcement={statusOf} onClose={() => { setStatusOf(null); void qc.invalidateQueries({ queryKey: announcementKeys.all }); }}
        onEdit={(a) => { setStatusOf(null); setEditing(a); }} />
      <AnnouncementComposeDialog open={composing} onClose={() => setComposing(false)} onSent={(a) => { setTab('sent'); setStatusOf(a); }} />
      <AnnouncementComposeDialog open={!!editing} announcement={editing} onClose={() => setEditing(null)} onSent={() => undefined} />
    </>
  );
}
