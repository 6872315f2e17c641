import Chip from '@mui/material/Chip';
import type { GridColDef } from '@mui/x-data-grid';
import type { Formatter } from '../../../app/format.js';
import type { ProductsMessages } from '../i18n.js';
import type { Product } from '../products-api.js';

export const HIDDEN_PRODUCT_COLUMNS = ['color', 'secondUnitName', 'taxClassName', 'createdAt'];

/** Columns of the product list; where sortable, `field` is also the server's sort key. */
export function productColumns(P: ProductsMessages, f: Formatter): GridColDef<Product>[] {
  const L = P.fields;
  const text = (field: keyof Product, width = 130): GridColDef<Product> => ({ field, headerName: L[field] ?? field, width, sortable: false });
  return [
    { field: 'code', headerName: L.code, width: 120, valueFormatter: (v: string) => f.digits(v) },
    { field: 'name', headerName: L.name, flex: 1, minWidth: 220 },
    { ...text('kind', 90), valueFormatter: (v: Product['kind']) => (v === 'service' ? P.service : P.goods) },
    text('categoryName', 150),
    text('brandName', 120),
    text('unitName', 100),
    text('secondUnitName', 100),
    { ...text('barcode', 140), valueFormatter: (v: string | null) => (v ? f.digits(v) : '') },
    text('taxClassName', 180),
    text('color', 90),
    { ...text('basePrice', 150), align: 'left', headerAlign: 'left', valueFormatter: (v: string | null) => (v === null ? '' : f.money(v)) },
    { ...text('variantCount', 80), valueFormatter: (v: number) => (v ? f.number(v) : '') },
    {
      ...text('active', 90),
      renderCell: ({ row }) => <Chip size="small" color={row.active ? 'success' : 'default'} variant="outlined" label={row.active ? L.active : '—'} />,
    },
    { field: 'createdAt', headerName: L.createdAt, width: 110, valueFormatter: (v: string) => f.date(v) },
  ];
}
