// Texts of the product import wizard: the shared wizard's wording, product words where it needs them
// (policies, match fields, prices and opening stock, undo).
import { useLocale } from '../../../app/i18n/locale-provider.js';
import { importWizardEn, importWizardFa } from '../../../components/import/import-texts.js';

export const productImportFa = {
  ...importWizardFa,
  title: 'ورود کالاها، قیمت‌ها و موجودی اول دوره از اکسل',
  button: 'ورود از اکسل',
  accepted: 'قالب‌های پذیرفته: اکسل (XLSX) و CSV — هر ردیف یک کالا؛ برای هر لیست قیمت و هر انبار می‌توانید یک ستون داشته باشید',
  wrongType: 'فقط فایل‌های XLSX و CSV پذیرفته می‌شوند',
  mapHint: 'برای هر ستون فایل، فیلد کالا را انتخاب کنید. ستون‌های «قیمت در لیست …» قیمت آن لیست را ثبت می‌کنند و ستون‌های «موجودی اول دوره در انبار …» در پایان یک رسید انبار تاییدشده برای هر انبار می‌سازند.',
  policySkipHelp: 'کالای موجود (با همان کد) دست نمی‌خورد؛ قیمت و موجودی آن ردیف هم ثبت نمی‌شود.',
  policyOverwriteHelp: 'همه ستون‌های نگاشت‌شده جایگزین می‌شوند؛ خانه خالی، مقدار را پاک می‌کند (قیمت آن لیست حذف می‌شود).',
  policyMergeHelp: 'فقط خانه‌هایی که مقدار دارند تغییر می‌کنند و باقی بدون تغییر می‌مانند.',
  matchFields: 'کالای موجود با کدام فیلد پیدا شود',
  matchHint: 'کد کالا کلید اصلی تطبیق است؛ بارکد را هم می‌توانید برای پیدا کردن کالای موجود به کار ببرید.',
  matchRequired: 'دست‌کم یک فیلد تطبیق را انتخاب کنید',
  matchLabels: { code: 'کد کالا', barcode: 'بارکد' } as Record<string, string>,
  prices: 'قیمت‌های لیست',
  stockLines: 'ردیف موجودی اول دوره',
  receipts: 'رسیدهای انبار موجودی اول دوره',
  openReceipt: (n: string) => `رسید ${n}`,
  undoConfirm: 'رسیدهای موجودی اول دوره برگشت می‌خورند، قیمت‌ها و کالاهای تغییرکرده به حالت پیش از ورود برمی‌گردند و کالاهای ساخته‌شده حذف می‌شوند. ادامه می‌دهید؟',
};
export type ProductImportMessages = typeof productImportFa;

export const productImportEn: ProductImportMessages = {
  ...importWizardEn,
  title: 'Import products, prices and opening stock from Excel',
  button: 'Import from Excel',
  accepted: 'Accepted: Excel (XLSX) and CSV — one product per row; one column per price list and per warehouse',
  wrongType: 'Only XLSX and CSV files are accepted',
  mapHint: 'Choose the product field of each column. "Price in list …" columns set that list\'s price; "Opening stock in …" columns become one confirmed goods receipt per warehouse at the end.',
  policySkipHelp: 'An existing product (same code) is left alone, with its prices and stock.',
  policyOverwriteHelp: 'Every mapped column replaces the value; an empty cell clears it (removes that list price).',
  policyMergeHelp: 'Only non-empty cells change; everything else stays.',
  matchFields: 'Find existing products by',
  matchHint: 'The product code is the main key; the barcode can find existing products too.',
  matchRequired: 'Choose at least one match field',
  matchLabels: { code: 'Product code', barcode: 'Barcode' },
  prices: 'List prices',
  stockLines: 'Opening stock lines',
  receipts: 'Opening stock receipts',
  openReceipt: (n: string) => `Receipt ${n}`,
  undoConfirm: 'The opening stock receipts are reversed, prices and changed products go back to their state before the import and created products are deleted. Continue?',
};

export function useProductImportT(): ProductImportMessages {
  return useLocale().locale === 'en' ? productImportEn : productImportFa;
}
