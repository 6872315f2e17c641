import type { Ctx } from '../../platform/context.js';
import { scopeOf } from '../../platform/context.js';
import { toPersianDigits } from '../../../common/text.js';
import { registerSearchProvider } from '../search/index.js';
import { listProducts } from './products.service.js';

// The top-bar search finds products by name, code, barcode or description.
registerSearchProvider(async (ctx: Ctx, q: string, limit: number) => {
  if (!scopeOf(ctx.principal, 'products.view')) return [];
  const page = await listProducts(ctx, { q, sort: 'name', limit });
  return page.items.map((p) => ({ type: 'product', id: p.id, title: p.name, subtitle: `کد ${toPersianDigits(p.code)}${p.categoryName ? ` — ${p.categoryName}` : ''}`, link: `/products/${p.id}` }));
});
