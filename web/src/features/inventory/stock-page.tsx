import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Button from '@mui/material/Button';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useCan } from '../../app/auth/can.js';
import { PERMISSIONS as P } from '../../app/navigation.js';
import { ExportMenu } from '../../components/ui/data-table/export-menu.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { inventoryApi, type ProductOption } from './inventory-api.js';
import { ProductPicker } from './product-picker.js';
import { showQty } from './i18n.js';
import { toPersianDigits } from '@common/text.js';

/** /stock — one product across warehouses: on hand, reserved, sellable (on hand − reserved), second unit. */
export function StockPage() {
  const canExport = useCan(P.stockExport);
  const [product, setProduct] = useState<ProductOption | null>(null);
  const stock = useQuery({ queryKey: ['stock', product?.id], queryFn: () => inventoryApi.stock({ productId: product!.id, limit: 5000 }), enabled: !!product });
  const rows = stock.data?.items ?? [];
  const figures = (r: { onHand: string; reserved: string; sellable: string; onHand2: string }, bold = false) =>
    (['onHand', 'reserved', 'sellable', 'onHand2'] as const).map((k) => <TableCell key={k} sx={{ fontWeight: bold ? 700 : undefined, color: k === 'sellable' && r.sellable.startsWith('-') ? 'error.main' : undefined }}>{showQty(r[k])}</TableCell>);
  return (
    <>
      <PageHeader title="موجودی کالا" subtitle="موجودی قابل فروش = موجودی − رزروشده" actions={product && <>
        {canExport && <ExportMenu url="/api/stock/export" query={{ productId: product.id }} />}
        <Button component={RouterLink} to={`/stock/card?productId=${product.id}`}>کاردکس این کالا</Button>
      </>} />
      <Stack direction="row" spacing={2} sx={{ mb: 2 }}><ProductPicker value={product} onChange={setProduct} /></Stack>
      {product && (
        <Paper>
          <Table size="small" aria-label="موجودی در انبارها">
            <TableHead><TableRow>
              <TableCell>انبار</TableCell><TableCell>تنوع</TableCell><TableCell>موجودی</TableCell><TableCell>رزروشده</TableCell><TableCell>قابل فروش</TableCell><TableCell>واحد دوم</TableCell>
            </TableRow></TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={`${r.warehouseId}-${r.variantId}`}>
                  <TableCell>{r.warehouseName}</TableCell>
                  <TableCell>{Object.values(r.attributes).join('، ') || '—'}</TableCell>
                  {figures(r)}
                </TableRow>
              ))}
              {rows.length > 0 && stock.data && <TableRow><TableCell sx={{ fontWeight: 700 }}>جمع</TableCell><TableCell />{figures(stock.data.totals, true)}</TableRow>}
            </TableBody>
          </Table>
          {!rows.length && !stock.isLoading && <Typography sx={{ p: 2 }} color="text.secondary">این کالا هنوز در هیچ انباری گردش نداشته است.</Typography>}
          {stock.data?.nextCursor && <Typography sx={{ p: 2 }} color="text.secondary">{`${toPersianDigits(rows.length)} ردیف نخست نمایش داده شد؛ جمع بالا همه ردیف‌ها را در بر دارد. برای دیدن همه، خروجی بگیرید.`}</Typography>}
        </Paper>
      )}
    </>
  );
}
