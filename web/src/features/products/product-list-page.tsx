import AddOutlined from '@mui/icons-material/AddOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { GridSortModel } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Can, useCan } from '../../app/auth/can.js';
import { useFormat } from '../../app/format.js';
import { PERMISSIONS } from '../../app/navigation.js';
import { DataTable } from '../../components/ui/data-table/data-table.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { LookupSelect } from '../customers/shared/lookup-select.js';
import { useProductsT } from './i18n.js';
import { useProductImportT } from './import/import-i18n.js';
import { HIDDEN_PRODUCT_COLUMNS, productColumns } from './list/product-columns.js';
import { fetchProductPage, productsApi } from './products-api.js';
import { CategorySelect } from './shared-selects.js';

const DEFAULT_SORT: GridSortModel = [{ field: 'createdAt', sort: 'desc' }];
type Filters = { categoryId?: string; brandId?: string; kind?: string; active?: string };

/** /products — Persian quick search, category (with subgroups), brand, kind and status filters, export. */
export function ProductListPage() {
  const P = useProductsT();
  const importT = useProductImportT();
  const f = useFormat();
  const navigate = useNavigate();
  const canExport = useCan(PERMISSIONS.productsExport);
  const columns = useMemo(() => productColumns(P, f), [P, f]);
  const [filters, setFilters] = useState<Filters>({});
  const set = (k: keyof Filters, v: string | null) => setFilters((cur) => {
    const next = { ...cur };
    if (v) next[k] = v;
    else delete next[k];
    return next;
  });

  const filterSlot = (
    <>
      <CategorySelect label={P.fields.categoryId!} value={filters.categoryId ?? null} onChange={(v) => set('categoryId', v)} emptyLabel={P.allCategories} sx={{ width: 180 }} />
      <LookupSelect list="productBrand" label={P.fields.brandId!} value={filters.brandId ?? null} onChange={(v) => set('brandId', v)} fullWidth={false} sx={{ width: 140 }} />
      <TextField select label={P.fields.kind} value={filters.kind ?? ''} onChange={(e) => set('kind', e.target.value || null)} sx={{ width: 120 }}>
        <MenuItem value="">{P.allKinds}</MenuItem>
        <MenuItem value="goods">{P.goods}</MenuItem>
        <MenuItem value="service">{P.service}</MenuItem>
      </TextField>
      <TextField select label={P.fields.active} value={filters.active ?? ''} onChange={(e) => set('active', e.target.value || null)} sx={{ width: 130 }}>
        <MenuItem value="">{P.anyStatus}</MenuItem>
        <MenuItem value="true">{P.fields.active}</MenuItem>
        <MenuItem value="false">—</MenuItem>
      </TextField>
    </>
  );

  return (
    <>
      <PageHeader
        title={P.title}
        actions={
          <>
            <Can permission="products.import">
              <Button component={RouterLink} to="/products/import" variant="outlined" startIcon={<UploadFileOutlined />}>
                {importT.button}
              </Button>
            </Can>
            <Can permission={PERMISSIONS.productsCreate}>
              <Button component={RouterLink} to="/products/new" variant="contained" startIcon={<AddOutlined />}>
                {P.create}
              </Button>
            </Can>
          </>
        }
      />
      <DataTable
        id="products"
        aria-label={P.title}
        searchLabel={P.searchLabel}
        columns={columns}
        fetchPage={fetchProductPage}
        filters={filters}
        filterSlot={filterSlot}
        hiddenColumns={HIDDEN_PRODUCT_COLUMNS}
        initialSort={DEFAULT_SORT}
        exportUrl={canExport ? productsApi.exportUrl : undefined}
        onRowClick={(row) => navigate(`/products/${row.id}`)}
      />
    </>
  );
}
