// Settings pages, one explicit list. A module adds its page by appending an entry here
// (lazy-loaded, so it costs nothing until opened). Routes, tabs, sidebar and the command
// palette all read this list.
import type { ComponentType, LazyExoticComponent } from 'react';
import { lazyPage } from '../../app/lazy-page.js';

export type SettingsPage = {
  /** Unique key; also the URL segment: /settings/<key>. */
  key: string;
  label: { fa: string; en: string };
  /** Required permission to see the tab (hidden otherwise). */
  permission: string;
  /** Sort order of the tabs. */
  order: number;
  /** The screen, lazy-loaded. Omit when the entry only links elsewhere (`href`). */
  component?: LazyExoticComponent<ComponentType>;
  /** Link to a page outside /settings instead of an own screen. */
  href?: string;
};

const pages: SettingsPage[] = [
  {
    key: 'company',
    label: { fa: 'مشخصات شرکت', en: 'Company profile' },
    permission: 'settings.view',
    order: 10,
    component: lazyPage(() => import('./company-settings-page.js'), 'CompanySettingsPage'),
  },
  {
    key: 'job-positions',
    label: { fa: 'سمت‌ها', en: 'Job positions' },
    permission: 'settings.view',
    order: 20,
    component: lazyPage(() => import('./job-positions-page.js'), 'JobPositionsPage'),
  },
  {
    key: 'units',
    label: { fa: 'واحدهای سازمانی', en: 'Organizational units' },
    permission: 'units.view',
    order: 30,
    href: '/units',
  },
  // The lookup lists of /api/lookups: one generic page per list.
  {
    key: 'customer-sources',
    label: { fa: 'شیوه‌های آشنایی', en: 'Customer sources' },
    permission: 'settings.view',
    order: 40,
    component: lazyPage(() => import('./lookup-list-page.js'), 'CustomerSourcesPage'),
  },
  {
    key: 'organization-types',
    label: { fa: 'انواع سازمان', en: 'Organization types' },
    permission: 'settings.view',
    order: 50,
    component: lazyPage(() => import('./lookup-list-page.js'), 'OrganizationTypesPage'),
  },
];

/** For later modules: `registerSettingsPage({...})` from a file imported by this one. */
export function registerSettingsPage(page: SettingsPage): void {
  const i = pages.findIndex((p) => p.key === page.key);
  if (i >= 0) pages.splice(i, 1, page);
  else pages.push(page);
}

export function getSettingsPages(): readonly SettingsPage[] {
  return [...pages].sort((a, b) => a.order - b.order);
}

/** Where a settings entry lives in the app. */
export function settingsPagePath(page: SettingsPage): string {
  return page.href ?? `/settings/${page.key}`;
}
