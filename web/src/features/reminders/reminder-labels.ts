import { REMINDER_STATUS_LABELS, type ReminderStatus } from '@common/contracts/reminders.contract.js';

export { REMINDER_STATUS_LABELS };
export const STATUS_COLOR: Record<ReminderStatus, 'primary' | 'success' | 'default'> = { pending: 'primary', delivered: 'success', canceled: 'default' };
export const REMINDERS_NAV = { fa: 'یادآورها', en: 'Reminders' };
