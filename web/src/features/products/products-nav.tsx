import type { ReactNode } from 'react';
import type { NavItem } from '../../app/navigation.js';
import { en } from '../../app/i18n/en.js';
import { productsEn, productsFa } from './i18n.js';

const label = (k: 'nav' | 'navList' | 'navPriceLists' | 'create') => ({ fa: productsFa[k], en: productsEn[k] });

/** The sidebar entry of the product screens (its label follows the UI language). */
export function productsNavItem(icon: ReactNode): NavItem {
  return {
    key: 'products',
    path: '/products',
    label: (t) => (t.nav.home === en.nav.home ? productsEn.nav : productsFa.nav),
    icon,
    permission: 'products.view',
    children: [
      { key: 'products-list', path: '/products', label: label('navList'), permission: 'products.view' },
      { key: 'products-new', path: '/products/new', label: label('create'), permission: 'products.create' },
      { key: 'price-lists', path: '/price-lists', label: label('navPriceLists'), permission: 'priceLists.view' },
    ],
  };
}
