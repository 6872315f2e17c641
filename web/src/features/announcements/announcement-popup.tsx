import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { registerLivePopup, useLiveNotifications, useMarkRead } from '../shell/use-notifications.js';
import { AnnouncementDetailsDialog } from './announcement-details-dialog.js';
import { announcementKeys, announcementsApi } from './announcements-api.js';

// Announcements get this dialog instead of the generic toast: each one waits until its reader says «خواندم».
registerLivePopup('announcement');

/**
 * Shows my unread announcements one by one — those that arrive live, and those sent while I was away
 * (checked when the app opens). «خواندم» records the read time the sender sees.
 */
export function AnnouncementPopup() {
  const qc = useQueryClient();
  const { pathname } = useLocation();
  const markNotification = useMarkRead();
  const notificationOf = useRef(new Map<string, string>());
  const [busy, setBusy] = useState(false);
  const unread = useQuery({ queryKey: announcementKeys.unread, queryFn: () => announcementsApi.inbox({ unread: true }), staleTime: 60_000 });
  useLiveNotifications('announcement', (n) => {
    const id = n.link?.match(/open=([0-9a-f-]{36})/)?.[1];
    if (id) notificationOf.current.set(id, n.id);
    void qc.invalidateQueries({ queryKey: announcementKeys.all });
  });
  // On the announcements page the list itself is the place to read them.
  const current = pathname.startsWith('/announcements') ? null : (unread.data?.items[0] ?? null);
  const read = async () => {
    if (!current) return;
    setBusy(true);
    try {
      await announcementsApi.read(current.id);
      const n = notificationOf.current.get(current.id);
      if (n) markNotification.mutate(n);
      await qc.invalidateQueries({ queryKey: announcementKeys.all });
    } finally { setBusy(false); }
  };
  return <AnnouncementDetailsDialog announcement={current} kicker="اطلاعیه تازه" onClose={() => undefined} actionLabel={busy ? '…' : 'خواندم'} onAction={() => void read()} />;
}
