import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/types.js';
import { provisionTenant } from './provision.js';
import { createUnit, saveJobPosition } from '../org/org.service.js';
import { createStaff } from '../staff/staff.service.js';
import { listPrincipals } from '../access/access.service.js';
import { updateCompany } from '../settings/settings.service.js';
import { seedDemoProducts } from '../products/index.js';

export const DEMO_SLUG = 'demo';

const adminCtx = (db: Db, tenantId: string, userId: string): Ctx => ({
  db, tenantId, userId, requestId: 'seed', now: () => new Date(),
  principal: {
    kind: 'user', tenantId, tenantName: '', userId, apiKeyId: null, unitId: null, isAdmin: true, permissions: {},
    locale: 'fa', sessionId: null, csrfToken: null, viaCookie: false,
  },
});

/** A Persian demo company: units, job positions and staff in several roles, so a first start has something to show. */
export async function seedDemoCompany(db: Db, admin: { username: string; password: string }) {
  const { tenantId, adminId } = await provisionTenant(db, {
    slug: DEMO_SLUG,
    name: 'شرکت بازرگانی نمونه پارس',
    admin: { ...admin, firstName: 'مدیر', lastName: 'سیستم', mobile: null },
  });
  const ctx = adminCtx(db, tenantId, adminId);
  await updateCompany(ctx, {
    name: 'شرکت بازرگانی نمونه پارس', economicCode: '10380284790', legalId: '10380284790', registrationNo: '۴۵۶۷۸۹',
    address: 'تهران، خیابان ولیعصر، پلاک ۱۲۳۴', postalCode: '1591834567', phones: '021-88776655', fiscalYearStartMonth: 1, currencyDisplay: 'toman',
  });
  const hq = await createUnit(ctx, { name: 'دفتر مرکزی تهران', kind: 'branch' });
  const sales = await createUnit(ctx, { name: 'واحد فروش', kind: 'department', parentId: hq.id });
  const telesales = await createUnit(ctx, { name: 'فروش تلفنی', kind: 'department', parentId: sales.id });
  const finance = await createUnit(ctx, { name: 'واحد مالی', kind: 'department', parentId: hq.id });
  const isfahan = await createUnit(ctx, { name: 'شعبه اصفهان', kind: 'branch' });
  const positions: Record<string, string> = {};
  for (const name of ['مدیر عامل', 'مدیر فروش', 'سرپرست فروش', 'کارشناس فروش', 'حسابدار', 'بازاریاب حضوری']) {
    positions[name] = (await saveJobPosition(ctx, null, name)).id;
  }
  const roleId = Object.fromEntries((await listPrincipals(ctx, 'role')).map((r) => [r.name, r.id]));
  const people = [
    { username: 'sara.ahmadi', firstName: 'سارا', lastName: 'احمدی', mobile: '09121234567', personnelCode: '1001', pos: 'مدیر فروش', unit: sales.id, role: 'مدیر فروش' },
    { username: 'reza.karimi', firstName: 'رضا', lastName: 'کریمی', mobile: '09122345678', personnelCode: '1002', pos: 'سرپرست فروش', unit: telesales.id, role: 'سرپرست' },
    { username: 'maryam.hosseini', firstName: 'مریم', lastName: 'حسینی', mobile: '09123456789', personnelCode: '1003', pos: 'کارشناس فروش', unit: telesales.id, role: 'کارشناس فروش' },
    { username: 'ali.rezaei', firstName: 'علی', lastName: 'رضایی', mobile: '09124567890', personnelCode: '1004', pos: 'کارشناس فروش', unit: sales.id, role: 'کارشناس فروش' },
    { username: 'zahra.mohammadi', firstName: 'زهرا', lastName: 'محمدی', mobile: '09125678901', personnelCode: '1005', pos: 'حسابدار', unit: finance.id, role: 'کارشناس فروش' },
    { username: 'hamid.jafari', firstName: 'حمید', lastName: 'جعفری', mobile: '09126789012', personnelCode: '1006', pos: 'بازاریاب حضوری', unit: isfahan.id, role: 'کارشناس فروش' },
  ];
  let managerId: string | null = null;
  for (const p of people) {
    const s = await createStaff(ctx, {
      username: p.username, firstName: p.firstName, lastName: p.lastName, mobile: p.mobile, personnelCode: p.personnelCode,
      password: 'Demo1234', jobPositionId: positions[p.pos] ?? null, unitId: p.unit, managerId, roleIds: roleId[p.role] ? [roleId[p.role]!] : [],
    });
    managerId ??= s.id;
  }
  await seedDemoProducts(ctx);
  return { tenantId, adminId };
}
