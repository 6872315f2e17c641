import type { ReactNode } from 'react';
import type { NavItem } from '../../app/navigation.js';
import { en } from '../../app/i18n/en.js';
import { NAV } from './i18n.js';

/** The sidebar entry of the inventory screens (its label follows the UI language). */
export function inventoryNavItem(icon: ReactNode): NavItem {
  return {
    key: 'inventory',
    path: '/stock-documents',
    label: (t) => (t.nav.home === en.nav.home ? NAV.inventory.en : NAV.inventory.fa),
    icon,
    permission: 'stockDocuments.view',
    children: [
      { key: 'stock-documents', path: '/stock-documents', label: NAV.documents, permission: 'stockDocuments.view' },
      { key: 'stock-documents-new', path: '/stock-documents/new', label: NAV.newDocument, permission: 'stockDocuments.create' },
      { key: 'stock', path: '/stock', label: NAV.stock, permission: 'stock.view' },
      { key: 'stock-card', path: '/stock/card', label: NAV.card, permission: 'stock.view' },
      { key: 'reservations', path: '/reservations', label: NAV.reservations, permission: 'reservations.view' },
      { key: 'warehouses', path: '/warehouses', label: NAV.warehouses, permission: 'warehouses.view' },
    ],
  };
}
