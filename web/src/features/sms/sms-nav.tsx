import type { ReactNode } from 'react';
import type { NavItem } from '../../app/navigation.js';
import { en } from '../../app/i18n/en.js';

export const SMS_NAV = { fa: 'پیامک‌ها', en: 'SMS' };

/** The sidebar entry of the SMS outbox (its label follows the UI language). */
export function smsNavItem(icon: ReactNode): NavItem {
  return { key: 'sms', path: '/sms', label: (t) => (t.nav.home === en.nav.home ? SMS_NAV.en : SMS_NAV.fa), icon, permission: 'sms.view' };
}
