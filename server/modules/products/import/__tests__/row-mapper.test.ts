import { describe, expect, it } from 'vitest';
import type { ImportRefs } from '../import-refs.js';
import { nameKey, splitPath } from '../import-refs.js';
import { parseActive, parseKind, prepareRow } from '../row-mapper.js';

const U1 = '00000000-0000-4000-8000-000000000001';
const W1 = '00000000-0000-4000-8000-0000000000a1';
const L1 = '00000000-0000-4000-8000-0000000000b1';
const units = [{ id: U1, name: 'عدد', decimals: 0, active: true }, { id: 'u2', name: 'کیلوگرم', decimals: 3, active: true }];
const refs: ImportRefs = {
  unit: (n) => units.find((u) => nameKey(u.name) === nameKey(n)) ?? null,
  unitById: (id) => units.find((u) => u.id === id),
  unitNames: units.map((u) => u.name),
  taxClass: () => null,
  taxClassNames: ['معاف'],
  category: (p) => (p.join('/') === 'ابزار' ? { id: '00000000-0000-4000-8000-0000000000c1', name: 'ابزار', active: true } : null),
  brand: () => null,
  priceLists: new Map([[L1, 'عمده']]),
  warehouses: new Map([[W1, 'مرکزی']]),
};
const columns: [number, never][] = (['code', 'name', 'unit', 'category', 'brand', 'basePrice', `price:${L1}`, `stock:${W1}`, 'kind', 'active'] as const).map((f, i) => [i, f as never]);
const row = (v: string[]) => prepareRow(v, { columns, refs });

describe('product row mapping', () => {
  it('reads Persian and Arabic digits, thousands separators, names and paths', () => {
    const r = row(['  ۱۲۳ ', 'پيچ', 'عدد', 'ابزار / برقی', 'توسن', '۱٬۲۵۰٬۰۰۰', '٩٠٠,٠٠٠', '۱۲', 'كالا', 'بله']);
    expect(r).toMatchObject({
      ok: true, values: { code: '123', name: 'پیچ', unitId: U1, basePrice: '1250000', kind: 'goods', active: true },
      newCategory: ['ابزار', 'برقی'], newBrand: 'توسن', prices: [{ listId: L1, price: '900000' }], stock: [{ warehouseId: W1, quantity: 12_000_000n }],
    });
  });

  it('names the available units for an unknown one and rejects bad prices, kinds and quantities', () => {
    const r = row(['1', 'x', 'بشکه', '', '', '12.5', '-3', 'دو', 'کالاها', 'شاید']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons).toEqual(expect.arrayContaining([
      'واحد اصلی «بشکه» تعریف نشده است؛ واحدهای موجود: «عدد»، «کیلوگرم»',
      'قیمت پایه باید عددی صحیح و نامنفی به ریال باشد',
      'قیمت در لیست عمده باید عددی صحیح و نامنفی به ریال باشد',
      'موجودی اول دوره در انبار مرکزی عدد معتبری نیست',
      'نوع «کالاها» معتبر نیست؛ «کالا» یا «خدمت» بنویسید',
    ]));
  });

  it('lists the empty cells an overwrite clears', () => {
    const r = row(['1', 'x', 'عدد', '', '', '', '', '', '', '']);
    expect(r).toMatchObject({ ok: true, cleared: ['categoryId', 'brandId', 'basePrice'], prices: [{ listId: L1, price: null }], stock: [] });
  });

  it('parses kinds, yes/no and category paths', () => {
    expect([parseKind('خدمات'), parseKind('Goods'), parseKind('؟')]).toEqual(['service', 'goods', null]);
    expect([parseActive('فعال'), parseActive('غیرفعال'), parseActive('۰'), parseActive('x')]).toEqual([true, false, false, null]);
    expect(splitPath(' ابزار /ابزار  دستی › پیچ ')).toEqual(['ابزار', 'ابزار دستی', 'پیچ']);
  });
});
