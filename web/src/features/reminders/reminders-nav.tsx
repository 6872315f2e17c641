import type { ReactNode } from 'react';
import type { NavItem } from '../../app/navigation.js';
import { en } from '../../app/i18n/en.js';
import { ANNOUNCEMENTS_NAV } from '../announcements/announcements-api.js';
import { REMINDERS_NAV } from './reminder-labels.js';

const label = (l: { fa: string; en: string }) => (t: { nav: { home: string } }) => (t.nav.home === en.nav.home ? l.en : l.fa);

/** Everyone's: reminders and announcements need only a login (what one may do inside is checked per action). */
export const remindersNavItem = (icon: ReactNode): NavItem => ({ key: 'reminders', path: '/reminders', label: label(REMINDERS_NAV), icon });
export const announcementsNavItem = (icon: ReactNode): NavItem => ({ key: 'announcements', path: '/announcements', label: label(ANNOUNCEMENTS_NAV), icon });
