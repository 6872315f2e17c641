import { ALL_PERMISSIONS, type Permission, type Scope } from '../../../common/permissions.js';

type RoleSeed = { name: string; description: string; isSystem: boolean; grants: [Permission, Scope][] };

/** The roles a new company starts with; admins change them freely (except deleting the system ones). */
export const DEFAULT_ROLES: RoleSeed[] = [
  {
    name: 'مدیر سیستم',
    description: 'همه دسترسی‌ها در همه رکوردها',
    isSystem: true,
    grants: ALL_PERMISSIONS.map((p) => [p, 'all']),
  },
  {
    name: 'مدیر فروش',
    description: 'مدیریت پرسنل واحد خود و زیرواحدها',
    isSystem: false,
    grants: [['staff.view', 'subunits'], ['staff.edit', 'subunits'], ['staff.export', 'subunits'], ['units.view', 'all'], ['audit.view', 'subunits'], ['roles.view', 'all'],
      ['customers.view', 'subunits'], ['customers.create', 'subunits'], ['customers.edit', 'subunits'], ['customers.delete', 'subunits'], ['customers.import', 'subunits'], ['customers.export', 'subunits'], ['customers.assign', 'subunits'],
      ['products.view', 'all'], ['products.export', 'all'], ['priceLists.view', 'all'], ['priceLists.create', 'all'], ['priceLists.edit', 'all'], ['priceLists.export', 'all'],
      ['warehouses.view', 'all'], ['warehouses.export', 'all'], ['stock.view', 'all'], ['stock.export', 'all'], ['stockDocuments.view', 'subunits'], ['stockDocuments.export', 'subunits'], ['reservations.view', 'subunits'], ['reservations.create', 'subunits'], ['reservations.delete', 'subunits'], ['reservations.export', 'subunits'],
      ['sms.view', 'subunits'], ['sms.send', 'subunits'], ['sms.export', 'subunits'],
      ['activities.view', 'subunits'], ['activities.create', 'subunits'], ['activities.edit', 'subunits'], ['activities.delete', 'subunits'], ['activities.export', 'subunits'],
      ['reminders.assign', 'subunits'], ['announcements.create', 'subunits'],
      ['notes.view', 'subunits'], ['notes.create', 'subunits'], ['notes.export', 'subunits'], ['posts.view', 'subunits'], ['posts.create', 'subunits']],
  },
  {
    name: 'سرپرست',
    description: 'مشاهده پرسنل واحد خود',
    isSystem: false,
    grants: [['staff.view', 'unit'], ['units.view', 'all'], ['customers.view', 'unit'], ['customers.create', 'unit'], ['customers.edit', 'unit'], ['customers.export', 'unit'], ['customers.assign', 'unit'],
      ['products.view', 'all'], ['priceLists.view', 'all'], ['warehouses.view', 'all'], ['stock.view', 'all'], ['reservations.view', 'unit'], ['reservations.create', 'unit'], ['reservations.delete', 'unit'], ['sms.view', 'unit'], ['sms.send', 'unit'],
      ['activities.view', 'unit'], ['activities.create', 'unit'], ['activities.edit', 'unit'], ['activities.export', 'unit'],
      ['reminders.assign', 'unit'], ['announcements.create', 'unit'],
      ['notes.view', 'unit'], ['notes.create', 'unit'], ['notes.export', 'unit'], ['posts.view', 'unit'], ['posts.create', 'unit']],
  },
  {
    name: 'کارشناس فروش',
    description: 'کار با رکوردهای خودش',
    isSystem: false,
    grants: [['staff.view', 'own'], ['customers.view', 'own'], ['customers.create', 'own'], ['customers.edit', 'own'],
      ['products.view', 'all'], ['priceLists.view', 'all'], ['warehouses.view', 'all'], ['stock.view', 'all'], ['reservations.view', 'own'], ['reservations.create', 'own'], ['reservations.delete', 'own'], ['sms.view', 'own'], ['sms.send', 'own'],
      ['activities.view', 'own'], ['activities.create', 'own'], ['activities.edit', 'own'], ['activities.delete', 'own'],
      ['notes.view', 'own'], ['notes.create', 'own'], ['posts.view', 'own'], ['posts.create', 'own']],
  },
  {
    name: 'انباردار',
    description: 'کالاها، انبارها و اسناد انبار',
    isSystem: false,
    grants: [['products.view', 'all'], ['products.create', 'all'], ['products.edit', 'all'], ['products.import', 'all'], ['products.export', 'all'],
      ['warehouses.view', 'all'], ['warehouses.export', 'all'], ['stock.view', 'all'], ['stock.export', 'all'],
      ['stockDocuments.view', 'all'], ['stockDocuments.create', 'all'], ['stockDocuments.edit', 'all'], ['stockDocuments.delete', 'own'], ['stockDocuments.approve', 'all'], ['stockDocuments.export', 'all'],
      ['reservations.view', 'all'], ['reservations.delete', 'all'], ['reservations.export', 'all']],
  },
];
