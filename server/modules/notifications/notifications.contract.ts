import { z } from 'zod';

export const notificationItem = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  kind: z.string(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

export const listNotificationsQuery = z.object({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread ones'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.uuid().optional().describe('nextCursor of the previous page'),
});

export const listNotificationsResponse = z.object({
  items: z.array(notificationItem),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable(),
});

export const notificationIdParams = z.object({ id: z.uuid() });

export const unreadCountResponse = z.object({ unreadCount: z.number().int() });

export type NotificationItem = z.infer<typeof notificationItem>;
