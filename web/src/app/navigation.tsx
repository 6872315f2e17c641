// The sidebar modules, in order. Each item names the permission it needs; items the user
// lacks are hidden (sidebar, command palette), and the routes check the same permission.
import BadgeOutlined from '@mui/icons-material/BadgeOutlined';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import AdminPanelSettingsOutlined from '@mui/icons-material/AdminPanelSettingsOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import { productsNavItem } from '../features/products/products-nav.js';
import WarehouseOutlined from '@mui/icons-material/WarehouseOutlined';
import { inventoryNavItem } from '../features/inventory/inventory-nav.js';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import { activitiesNavItem } from '../features/activities/activities-nav.js';
import SmsOutlined from '@mui/icons-material/SmsOutlined';
import { smsNavItem } from '../features/sms/sms-nav.js';
import AlarmOutlined from '@mui/icons-material/AlarmOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import { announcementsNavItem, remindersNavItem } from '../features/reminders/reminders-nav.js';
import type { ReactNode } from 'react';
import type { Permission } from '@common/permissions.js';
import { getSettingsPages, settingsPagePath } from '../features/settings/settings-registry.js';
import { en } from './i18n/en.js';
import { fa } from './i18n/fa.js';
import type { Messages } from './i18n/fa.js';

export type NavChild = { key: string; path: string; label: { fa: string; en: string }; permission?: string };

export type NavItem = {
  key: string;
  path: string;
  label: (t: Messages) => string;
  icon: ReactNode;
  permission?: string;
  children?: NavChild[];
};

/** The permissions the screens check, typed against the shared catalog (common/permissions.ts). */
export const PERMISSIONS = {
  staffView: 'staff.view',
  staffCreate: 'staff.create',
  staffEdit: 'staff.edit',
  staffDelete: 'staff.delete',
  staffExport: 'staff.export',
  rolesView: 'roles.view',
  rolesCreate: 'roles.create',
  rolesEdit: 'roles.edit',
  rolesDelete: 'roles.delete',
  unitsView: 'units.view',
  unitsCreate: 'units.create',
  unitsEdit: 'units.edit',
  unitsDelete: 'units.delete',
  settingsView: 'settings.view',
  settingsEdit: 'settings.edit',
  auditView: 'audit.view',
  customersView: 'customers.view',
  customersCreate: 'customers.create',
  customersEdit: 'customers.edit',
  customersDelete: 'customers.delete',
  customersImport: 'customers.import',
  customersExport: 'customers.export',
  customersAssign: 'customers.assign',
  productsView: 'products.view',
  productsCreate: 'products.create',
  productsEdit: 'products.edit',
  productsDelete: 'products.delete',
  productsExport: 'products.export',
  priceListsView: 'priceLists.view',
  priceListsCreate: 'priceLists.create',
  priceListsEdit: 'priceLists.edit',
  priceListsDelete: 'priceLists.delete',
  priceListsExport: 'priceLists.export',
  warehousesView: 'warehouses.view',
  warehousesCreate: 'warehouses.create',
  warehousesEdit: 'warehouses.edit',
  warehousesExport: 'warehouses.export',
  stockView: 'stock.view',
  stockExport: 'stock.export',
  stockDocumentsView: 'stockDocuments.view',
  stockDocumentsCreate: 'stockDocuments.create',
  stockDocumentsApprove: 'stockDocuments.approve',
  stockDocumentsExport: 'stockDocuments.export',
  reservationsView: 'reservations.view',
  reservationsCreate: 'reservations.create',
  reservationsDelete: 'reservations.delete',
} as const satisfies Record<string, Permission>;

export function navItems(): NavItem[] {
  return [
    { key: 'home', path: '/', label: (t) => t.nav.home, icon: <DashboardOutlined /> },
    {
      key: 'customers',
      path: '/customers',
      label: (t) => t.nav.customers,
      icon: <PeopleAltOutlined />,
      permission: PERMISSIONS.customersView,
      children: [
        { key: 'customers-list', path: '/customers', label: { fa: fa.customers.navList, en: en.customers.navList }, permission: PERMISSIONS.customersView },
        { key: 'customers-no-owner', path: '/customers?noOwner=true', label: { fa: fa.customers.navNoOwner, en: en.customers.navNoOwner }, permission: PERMISSIONS.customersView },
        { key: 'customers-import', path: '/customers/import', label: { fa: fa.customers.importFromFile, en: en.customers.importFromFile }, permission: PERMISSIONS.customersImport },
        { key: 'customers-duplicates', path: '/customers/duplicates', label: { fa: fa.customers.findDuplicates, en: en.customers.findDuplicates }, permission: PERMISSIONS.customersView },
      ],
    },
    activitiesNavItem(<EventNoteOutlined />),
    remindersNavItem(<AlarmOutlined />),
    announcementsNavItem(<CampaignOutlined />),
    productsNavItem(<Inventory2Outlined />),
    inventoryNavItem(<WarehouseOutlined />),
    smsNavItem(<SmsOutlined />),
    { key: 'staff', path: '/staff', label: (t) => t.nav.staff, icon: <BadgeOutlined />, permission: PERMISSIONS.staffView },
    {
      key: 'roles',
      path: '/roles',
      label: (t) => t.nav.roles,
      icon: <AdminPanelSettingsOutlined />,
      permission: PERMISSIONS.rolesView,
    },
    { key: 'units', path: '/units', label: (t) => t.nav.units, icon: <AccountTreeOutlined />, permission: PERMISSIONS.unitsView },
    {
      key: 'settings',
      path: '/settings',
      label: (t) => t.nav.settings,
      icon: <SettingsOutlined />,
      permission: PERMISSIONS.settingsView,
      children: getSettingsPages().map((p) => ({
        key: `settings-${p.key}`,
        path: settingsPagePath(p),
        label: p.label,
        permission: p.permission,
      })),
    },
    {
      key: 'permission-history',
      path: '/permission-history',
      label: (t) => t.nav.permissionHistory,
      icon: <HistoryOutlined />,
      permission: PERMISSIONS.rolesView,
    },
  ];
}
