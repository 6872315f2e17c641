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
  // Products: units, category tree, tax classes, attributes, brands and sales channels.
  { key: 'product-units', label: { fa: 'واحدهای کالا', en: 'Units of measure' }, permission: 'products.view', order: 60, component: lazyPage(() => import('../products/settings/units-page.js'), 'ProductUnitsPage') },
  { key: 'product-categories', label: { fa: 'گروه‌های کالا', en: 'Product categories' }, permission: 'products.view', order: 61, component: lazyPage(() => import('../products/settings/categories-page.js'), 'ProductCategoriesPage') },
  { key: 'tax-classes', label: { fa: 'طبقه‌های مالیاتی', en: 'Tax classes' }, permission: 'products.view', order: 62, component: lazyPage(() => import('../products/settings/tax-classes-page.js'), 'TaxClassesPage') },
  { key: 'product-attributes', label: { fa: 'مشخصه‌های کالا', en: 'Product attributes' }, permission: 'products.view', order: 63, component: lazyPage(() => import('../products/settings/attributes-page.js'), 'ProductAttributesPage') },
  { key: 'product-brands', label: { fa: 'برندها', en: 'Brands' }, permission: 'settings.view', order: 64, component: lazyPage(() => import('../products/settings/lookup-pages.js'), 'ProductBrandsPage') },
  { key: 'activity-types', label: { fa: 'انواع فعالیت', en: 'Activity types' }, permission: 'activities.view', order: 70, component: lazyPage(() => import('../activities/activity-types-page.js'), 'ActivityTypesPage') },
  { key: 'sales-channels', label: { fa: 'کانال‌های فروش', en: 'Sales channels' }, permission: 'settings.view', order: 65, component: lazyPage(() => import('../products/settings/lookup-pages.js'), 'SalesChannelsPage') },
  { key: 'sms', label: { fa: 'درگاه پیامک', en: 'SMS gateway' }, permission: 'settings.view', order: 75, component: lazyPage(() => import('../sms/sms-settings-page.js'), 'SmsSettingsPage') },
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
