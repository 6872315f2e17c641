import type { ReactNode } from 'react';
import type { NavItem } from '../../app/navigation.js';
import { en } from '../../app/i18n/en.js';
import { NAV } from './activity-labels.js';

/** The sidebar entry of the activity screens (its label follows the UI language). */
export function activitiesNavItem(icon: ReactNode): NavItem {
  return {
    key: 'activities',
    path: '/my-activities',
    label: (t) => (t.nav.home === en.nav.home ? NAV.activities.en : NAV.activities.fa),
    icon,
    permission: 'activities.view',
    children: [
      { key: 'my-activities', path: '/my-activities', label: NAV.mine, permission: 'activities.view' },
      { key: 'follow-ups', path: '/follow-ups', label: NAV.followUps, permission: 'activities.view' },
      { key: 'activity-calendar', path: '/activities/calendar', label: NAV.calendar, permission: 'activities.view' },
      { key: 'activities-list', path: '/activities', label: NAV.list, permission: 'activities.view' },
    ],
  };
}
