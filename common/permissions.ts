/**
 * The permission catalog: module × operation, each granted with a record scope.
 * A module adds its entry here; routes name a permission as `module.operation`.
 */
export const SCOPES = ['own', 'unit', 'subunits', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

export const scopeRank = (s: Scope | undefined | null): number => (s ? SCOPES.indexOf(s) + 1 : 0);
export const widerScope = (a: Scope | undefined, b: Scope): Scope => (scopeRank(a) >= scopeRank(b) ? a! : b);

type Label = { fa: string; en: string };
type ModuleDef = { label: Label; operations: readonly string[] };

export const OPERATION_LABELS: Record<string, Label> = {
  view: { fa: 'مشاهده', en: 'View' },
  create: { fa: 'ایجاد', en: 'Create' },
  edit: { fa: 'ویرایش', en: 'Edit' },
  delete: { fa: 'حذف', en: 'Delete' },
  export: { fa: 'خروجی', en: 'Export' },
  import: { fa: 'ورود از فایل', en: 'Import' },
  approve: { fa: 'تایید', en: 'Approve' },
  assign: { fa: 'تخصیص', en: 'Assign' },
  send: { fa: 'ارسال', en: 'Send' },
};

export const PERMISSION_MODULES = {
  staff: { label: { fa: 'پرسنل', en: 'Staff' }, operations: ['view', 'create', 'edit', 'delete', 'export'] },
  roles: { label: { fa: 'نقش‌ها، گروه‌ها و دسترسی‌ها', en: 'Roles, groups and permissions' }, operations: ['view', 'create', 'edit', 'delete'] },
  units: { label: { fa: 'واحدهای سازمانی', en: 'Organization units' }, operations: ['view', 'create', 'edit', 'delete'] },
  settings: { label: { fa: 'تنظیمات', en: 'Settings' }, operations: ['view', 'edit'] },
  audit: { label: { fa: 'تاریخچه تغییرات', en: 'Change history' }, operations: ['view'] },
  apiKeys: { label: { fa: 'کلیدهای وب‌سرویس', en: 'API keys' }, operations: ['view', 'create', 'delete'] },
  customers: { label: { fa: 'مشتریان', en: 'Customers' }, operations: ['view', 'create', 'edit', 'delete', 'import', 'export', 'assign'] },
  products: { label: { fa: 'محصولات و گروه‌های کالا', en: 'Products and categories' }, operations: ['view', 'create', 'edit', 'delete', 'import', 'export'] },
  priceLists: { label: { fa: 'لیست‌های قیمت', en: 'Price lists' }, operations: ['view', 'create', 'edit', 'delete', 'export'] },
  warehouses: { label: { fa: 'انبارها', en: 'Warehouses' }, operations: ['view', 'create', 'edit', 'delete', 'export'] },
  stock: { label: { fa: 'موجودی و کاردکس', en: 'Stock and stock card' }, operations: ['view', 'export'] },
  stockDocuments: { label: { fa: 'اسناد انبار', en: 'Stock documents' }, operations: ['view', 'create', 'edit', 'delete', 'approve', 'export'] },
  reservations: { label: { fa: 'رزرو موجودی', en: 'Stock reservations' }, operations: ['view', 'create', 'delete', 'export'] },
  activities: { label: { fa: 'فعالیت‌ها و پیگیری‌ها', en: 'Activities and follow-ups' }, operations: ['view', 'create', 'edit', 'delete', 'export'] },
  sms: { label: { fa: 'پیامک', en: 'SMS' }, operations: ['view', 'send', 'export'] },
  reminders: { label: { fa: 'یادآور برای همکاران', en: 'Reminders for colleagues' }, operations: ['assign'] },
  announcements: { label: { fa: 'اطلاعیه‌ها', en: 'Announcements' }, operations: ['create'] },
  // Notes and the wall follow the record they are on; a private note is its author's alone, whatever the role.
  notes: { label: { fa: 'یادداشت‌ها', en: 'Notes' }, operations: ['view', 'create', 'export'] },
  posts: { label: { fa: 'دیوار گفتگو', en: 'Discussion wall' }, operations: ['view', 'create'] },
} as const satisfies Record<string, ModuleDef>;

type Modules = typeof PERMISSION_MODULES;
export type Permission = {
  [M in keyof Modules]: `${M & string}.${Modules[M]['operations'][number]}`;
}[keyof Modules];

export const ALL_PERMISSIONS: Permission[] = Object.entries(PERMISSION_MODULES).flatMap(([m, def]) =>
  def.operations.map((op) => `${m}.${op}` as Permission),
);

export const isPermission = (p: string): p is Permission => (ALL_PERMISSIONS as string[]).includes(p);

/** What a user or key may do: permission → widest granted scope. */
export type PermissionMap = Partial<Record<Permission, Scope>>;
