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
      ['customers.view', 'subunits'], ['customers.create', 'subunits'], ['customers.edit', 'subunits'], ['customers.delete', 'subunits'], ['customers.import', 'subunits'], ['customers.export', 'subunits'], ['customers.assign', 'subunits']],
  },
  {
    name: 'سرپرست',
    description: 'مشاهده پرسنل واحد خود',
    isSystem: false,
    grants: [['staff.view', 'unit'], ['units.view', 'all'], ['customers.view', 'unit'], ['customers.create', 'unit'], ['customers.edit', 'unit'], ['customers.export', 'unit'], ['customers.assign', 'unit']],
  },
  {
    name: 'کارشناس فروش',
    description: 'کار با رکوردهای خودش',
    isSystem: false,
    grants: [['staff.view', 'own'], ['customers.view', 'own'], ['customers.create', 'own'], ['customers.edit', 'own']],
  },
];
