/**
 * Persian names of request fields, so a validation message names the field a person typed in.
 * Modules add their own with `registerFieldLabels`.
 */
const labels: Record<string, string> = {
  username: 'نام کاربری',
  password: 'رمز عبور',
  currentPassword: 'رمز عبور فعلی',
  newPassword: 'رمز عبور جدید',
  tenant: 'کد شرکت',
  firstName: 'نام',
  lastName: 'نام خانوادگی',
  name: 'نام',
  description: 'توضیحات',
  mobile: 'شماره موبایل',
  email: 'ایمیل',
  personnelCode: 'کد پرسنلی',
  jobPositionId: 'سمت',
  managerId: 'مدیر',
  unitId: 'واحد سازمانی',
  parentId: 'واحد بالادست',
  kind: 'نوع',
  roleIds: 'نقش‌ها',
  groupIds: 'گروه‌ها',
  memberIds: 'اعضا',
  grants: 'دسترسی‌ها',
  permission: 'دسترسی',
  scope: 'محدوده',
  economicCode: 'کد اقتصادی',
  legalId: 'شناسه ملی',
  nationalId: 'کد ملی',
  registrationNo: 'شماره ثبت',
  address: 'نشانی',
  postalCode: 'کد پستی',
  phones: 'تلفن‌ها',
  fiscalYearStartMonth: 'ماه شروع سال مالی',
  currencyDisplay: 'واحد نمایش پول',
  locale: 'زبان',
  limit: 'تعداد در صفحه',
  cursor: 'نشانگر صفحه',
  sort: 'مرتب‌سازی',
  q: 'عبارت جستجو',
  file: 'فایل',
  format: 'قالب',
  entity: 'نوع رکورد',
  entityId: 'شناسه رکورد',
};

export const registerFieldLabels = (more: Record<string, string>) => Object.assign(labels, more);

export const fieldLabel = (path: string): string => {
  const last = path.split(/[./]/).filter((p) => p && !/^\d+$/.test(p)).pop() ?? '';
  return labels[last] ?? (last ? `«${last}»` : 'این فیلد');
};
