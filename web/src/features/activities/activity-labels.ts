// Persian first; English for the sidebar of an English UI.
export {
  ACTIVITY_KIND_LABELS, ACTIVITY_STATUS_LABELS, ACTIVITY_STATUSES, CALL_DIRECTION_LABELS, FOLLOW_UP_OUTCOME_LABELS, ACTIVITY_ICONS, ACTIVITY_KINDS,
} from '@common/contracts/activities.contract.js';

export const NAV = {
  activities: { fa: 'فعالیت‌ها', en: 'Activities' },
  mine: { fa: 'فعالیت‌های من', en: 'My activities' },
  calendar: { fa: 'تقویم', en: 'Calendar' },
  followUps: { fa: 'کارتابل پیگیری', en: 'Follow-up cartable' },
  list: { fa: 'فهرست فعالیت‌ها', en: 'All activities' },
  types: { fa: 'انواع فعالیت', en: 'Activity types' },
};

export const STATUS_COLOR = { open: 'default', in_progress: 'info', done: 'success', canceled: 'warning' } as const;
