import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../app/api-client.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { useToast } from '../../components/ui/toast-provider.js';

export type Notification = {
  id: string;
  kind?: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
};

export type UnreadNotifications = { items: Notification[]; unreadCount: number };

export const unreadKey = ['notifications', 'unread'] as const;

export function useUnreadNotifications() {
  return useQuery({
    queryKey: unreadKey,
    queryFn: () => api.get<UnreadNotifications>('/api/notifications', { query: { unread: true } }),
    staleTime: 60_000,
  });
}

/** Internal links go through the router; anything else opens in a new tab. */
export function useOpenLink(): (link: string | null | undefined) => void {
  const navigate = useNavigate();
  return (link) => {
    if (!link) return;
    if (link.startsWith('/') && !link.startsWith('//')) navigate(link);
    else window.open(link, '_blank', 'noopener');
  };
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`),
    onMutate: (id) => {
      queryClient.setQueryData<UnreadNotifications>(unreadKey, (old) =>
        old && old.items.some((n) => n.id === id)
          ? { items: old.items.filter((n) => n.id !== id), unreadCount: Math.max(0, old.unreadCount - 1) }
          : old,
      );
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: unreadKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/notifications/read-all'),
    onSuccess: () => queryClient.setQueryData<UnreadNotifications>(unreadKey, { items: [], unreadCount: 0 }),
  });
}

/** A live notification, re-dispatched on window for features that show their own pop-up (reminders, announcements). */
export const LIVE_NOTIFICATION_EVENT = 'crm:notification';
const ownPopupKinds = new Set<string>();
/** A feature that shows its own pop-up for a kind of notification: the generic toast stays away from it. */
export const registerLivePopup = (kind: string) => void ownPopupKinds.add(kind);

/** Calls `handler` for every live notification of `kind` while the component is mounted. */
export function useLiveNotifications(kind: string, handler: (n: Notification) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const on = (e: Event) => {
      const n = (e as CustomEvent<Notification>).detail;
      if (n?.kind === kind) latest.current(n);
    };
    window.addEventListener(LIVE_NOTIFICATION_EVENT, on);
    return () => window.removeEventListener(LIVE_NOTIFICATION_EVENT, on);
  }, [kind]);
}

/** Live notifications over SSE (`/api/events`, event `notification`): badge + toast with a link. */
export function useNotificationStream(): void {
  const queryClient = useQueryClient();
  const toast = useToast();
  const t = useT();
  const openLink = useOpenLink();
  // The stream lives as long as the shell; handlers read the latest toast/texts through a ref.
  const latest = useRef({ toast, t, openLink });
  latest.current = { toast, t, openLink };

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events', { withCredentials: true });
    const onNotification = (ev: MessageEvent<string>) => {
      let n: Notification;
      try {
        n = JSON.parse(ev.data) as Notification;
      } catch {
        return;
      }
      queryClient.setQueryData<UnreadNotifications>(unreadKey, (old) => {
        if (old?.items.some((x) => x.id === n.id)) return old;
        return { items: [n, ...(old?.items ?? [])], unreadCount: (old?.unreadCount ?? 0) + 1 };
      });
      window.dispatchEvent(new CustomEvent(LIVE_NOTIFICATION_EVENT, { detail: n }));
      if (n.kind && ownPopupKinds.has(n.kind)) return;
      const { toast: tt, t: texts, openLink: open } = latest.current;
      tt.info(n.title, n.link ? { action: { label: texts.common.view, onClick: () => open(n.link) } } : undefined);
    };
    source.addEventListener('notification', onNotification as EventListener);
    return () => {
      source.removeEventListener('notification', onNotification as EventListener);
      source.close();
    };
  }, [queryClient]);
}
