// The only file other modules import from notifications.
export { notificationsRoutes as notificationsPlugin } from './notifications.routes.js';
export {
  notify, notifyMany, withdrawNotifications, listNotifications, markNotificationRead, markAllNotificationsRead,
  NOTIFICATION_EVENT, NOTIFICATIONS_READ_EVENT, type NotifyInput,
} from './notifications.service.js';
export type { NotificationItem } from './notifications.contract.js';
