// Texts of the product and price-list screens (Persian first). Kept with the feature; labels are what
// end-to-end tests look for: change them only on purpose.
import { useLocale } from '../../app/i18n/locale-provider.js';

export const productsFa = {
  nav: 'کالاها و خدمات',
  navList: 'فهرست کالاها',
  navPriceLists: 'لیست‌های قیمت',
  title: 'کالاها و خدمات',
  create: 'کالای جدید',
  createTitle: 'کالای جدید',
  editTitle: 'ویرایش کالا',
  searchLabel: 'جستجوی کالا',
  created: 'کالا ثبت شد',
  deleted: 'کالا حذف شد',
  deleteConfirm: (name: string) => `کالای «${name}» حذف شود؟ در فهرست‌ها و اسناد جدید دیگر دیده نمی‌شود.`,
  fixErrors: 'خطاهای فرم را برطرف کنید.',
  conflict: 'این کالا هم‌زمان توسط کس دیگری تغییر کرده است.',
  reload: 'بارگذاری دوباره',
  sectionMain: 'مشخصات کالا',
  sectionUnits: 'واحدها و مالیات',
  sectionPrice: 'قیمت و تنظیمات',
  sectionVariants: 'تنوع‌ها (کد و بارکد جداگانه برای هر ترکیب مشخصه)',
  goods: 'کالا',
  service: 'خدمت',
  allKinds: 'همه انواع',
  anyStatus: 'همه وضعیت‌ها',
  allCategories: 'همه گروه‌ها',
  noCategory: 'بدون گروه',
  none: '—',
  rial: 'ریال',
  codeHint: 'خالی بماند، خودکار شماره می‌خورد',
  secondUnitHint: 'واحد مستقل دوم (بدون نسبت ثابت با واحد اصلی)',
  fields: {
    code: 'کد کالا', name: 'نام کالا', description: 'توضیحات', kind: 'نوع', categoryId: 'گروه کالا', categoryName: 'گروه کالا',
    brandId: 'برند', brandName: 'برند', color: 'رنگ', unitId: 'واحد اصلی', unitName: 'واحد اصلی', secondUnitId: 'واحد دوم',
    secondUnitName: 'واحد دوم', barcode: 'بارکد', taxClassId: 'طبقه مالیاتی', taxClassName: 'طبقه مالیاتی', basePrice: 'قیمت پایه (ریال)',
    active: 'فعال', showStockToSales: 'نمایش موجودی به کارشناس فروش', allowNegativeStock: 'اجازه موجودی منفی', variantCount: 'تنوع‌ها',
    createdAt: 'تاریخ ایجاد',
  } as Record<string, string>,
  variants: {
    add: 'افزودن تنوع',
    empty: 'این کالا تنوعی ندارد؛ موجودی روی خود کالا نگه داشته می‌شود.',
    code: 'کد تنوع',
    barcode: 'بارکد تنوع',
    remove: 'حذف تنوع',
    noAttributes: 'اول در تنظیمات «مشخصه‌های کالا» (مثل رنگ و سایز) تعریف کنید.',
    autoCode: 'خودکار',
  },
  settings: {
    units: 'واحدهای کالا', unitName: 'نام واحد', decimals: 'تعداد رقم اعشار', addUnit: 'واحد جدید',
    categories: 'گروه‌های کالا', categoryName: 'نام گروه', parent: 'گروه بالادست', topLevel: 'بدون بالادست (سطح اول)', addCategory: 'گروه جدید', addChild: 'زیرگروه',
    productCount: 'تعداد کالا',
    taxClasses: 'طبقه‌های مالیاتی', taxName: 'نام طبقه', exempt: 'معاف از مالیات', addTax: 'طبقه جدید', rates: 'نرخ‌ها از تاریخ',
    effectiveFrom: 'از تاریخ', vatRate: 'مالیات ٪', tollRate: 'عوارض ٪', addRate: 'افزودن نرخ',
    attributes: 'مشخصه‌های کالا', attributeName: 'نام مشخصه', values: 'مقادیر (با ویرگول جدا کنید)', addAttribute: 'مشخصه جدید',
    brands: 'برندها', channels: 'کانال‌های فروش',
  },
  priceLists: {
    title: 'لیست‌های قیمت', create: 'لیست قیمت جدید', name: 'نام لیست', channel: 'کانال فروش', role: 'نقش', anyChannel: 'همه کانال‌ها',
    anyRole: 'همه نقش‌ها', validFrom: 'شروع اعتبار', validTo: 'پایان اعتبار', open: 'باز', priority: 'اولویت', itemCount: 'تعداد قیمت',
    items: 'قیمت‌ها', product: 'کالا', variant: 'تنوع', allVariants: 'همه تنوع‌ها', price: 'قیمت (ریال)', addItem: 'افزودن قیمت',
    saveItems: 'ذخیره قیمت‌ها', rule: 'قاعده: اختصاصی‌ترین لیست (کانال و نقش > فقط نقش > فقط کانال > عمومی)، سپس قیمت مخصوص تنوع، سپس اولویت بالاتر، سپس شروع اعتبار دیرتر؛ در نبود لیست، قیمت پایه کالا.',
    deleteConfirm: (name: string) => `لیست قیمت «${name}» با همه قیمت‌هایش حذف شود؟`, back: 'بازگشت به لیست‌ها', searchProduct: 'جستجوی کالا',
  },
};
export type ProductsMessages = typeof productsFa;

export const productsEn: ProductsMessages = {
  ...productsFa,
  nav: 'Products & services', navList: 'Product list', navPriceLists: 'Price lists', title: 'Products & services', create: 'New product',
  createTitle: 'New product', editTitle: 'Edit product', searchLabel: 'Search products (name, code, barcode, description)', created: 'Product created',
  deleted: 'Product deleted', deleteConfirm: (name: string) => `Delete product "${name}"?`, fixErrors: 'Please fix the errors.',
  conflict: 'Someone else changed this product meanwhile.', reload: 'Reload', sectionMain: 'Product', sectionUnits: 'Units and tax',
  sectionPrice: 'Price and options', sectionVariants: 'Variants (own code and barcode per attribute combination)', goods: 'Goods', service: 'Service',
  allKinds: 'All kinds', anyStatus: 'Any status', allCategories: 'All categories', noCategory: 'No category', rial: 'Rial',
  codeHint: 'Leave empty for an automatic code', secondUnitHint: 'An independent second unit (no fixed ratio)',
  fields: {
    ...productsFa.fields, code: 'Code', name: 'Name', description: 'Description', kind: 'Kind', categoryId: 'Category', categoryName: 'Category',
    brandId: 'Brand', brandName: 'Brand', color: 'Color', unitId: 'Main unit', unitName: 'Main unit', secondUnitId: 'Second unit', secondUnitName: 'Second unit',
    barcode: 'Barcode', taxClassId: 'Tax class', taxClassName: 'Tax class', basePrice: 'Base price (Rial)', active: 'Active',
    showStockToSales: 'Show stock to sales', allowNegativeStock: 'Allow negative stock', variantCount: 'Variants', createdAt: 'Created',
  },
};

export function useProductsT(): ProductsMessages {
  return useLocale().locale === 'en' ? productsEn : productsFa;
}
