import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { toPersianDigits } from '@common/text.js';
import { useFormat } from '../../app/format.js';
import { useCan } from '../../app/auth/can.js';
import { PERMISSIONS as P } from '../../app/navigation.js';
import { ExportMenu } from '../../components/ui/data-table/export-menu.js';
import { JalaliDateTimeField } from '../../components/ui/jalali/jalali-date-time-field.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { inventoryApi, type ProductOption } from './inventory-api.js';
import { ProductPicker } from './product-picker.js';
import { kindLabel, showQty } from './i18n.js';

const iso = (d: Date | null) => (d ? d.toISOString() : undefined);

/** /stock/card — کاردکس: every movement of a product with its running balance (per warehouse). */
export function StockCardPage() {
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const canExport = useCan(P.stockExport);
  const [product, setProduct] = useState<ProductOption | null>(null);
  const [warehouseId, setWarehouseId] = useState(params.get('warehouseId') ?? '');
  const [from, setFrom] = useState<Date | null>(null);
  const [to, setTo] = useState<Date | null>(null);
  const productId = product?.id ?? params.get('productId') ?? '';
  useEffect(() => {
    const id = params.get('productId');
    if (id && !product) inventoryApi.product(id).then(setProduct).catch(() => undefined);
  }, [params, product]);
  const warehouses = useQuery({ queryKey: ['warehouses'], queryFn: inventoryApi.warehouses });
  const filters = { productId, warehouseId: warehouseId || undefined, from: iso(from), to: iso(to) };
  const card = useInfiniteQuery({
    queryKey: ['stock-card', filters],
    queryFn: ({ pageParam }) => inventoryApi.card({ ...filters, limit: 200, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!productId,
  });
  const rows = card.data?.pages.flatMap((p) => p.items) ?? [];
  const opening = card.data?.pages[0]?.openingBalance;
  return (
    <>
      <PageHeader title="کاردکس کالا" subtitle="گردش کالا به ترتیب ثبت، با مانده پس از هر گردش در همان انبار"
        actions={canExport && productId && <ExportMenu url="/api/stock/card/export" query={filters} />} />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <ProductPicker value={product} onChange={(p) => { setProduct(p); setParams(p ? { productId: p.id } : {}); }} />
        <TextField select size="small" label="انبار" value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)} sx={{ minWidth: 180 }}>
          <MenuItem value="">همه انبارها</MenuItem>
          {(warehouses.data?.items ?? []).map((w) => <MenuItem key={w.id} value={w.id}>{w.name}</MenuItem>)}
        </TextField>
        <Box sx={{ minWidth: 170 }}><JalaliDateTimeField label="از تاریخ" withTime={false} value={from} onChange={setFrom} /></Box>
        <Box sx={{ minWidth: 170 }}><JalaliDateTimeField label="تا تاریخ" withTime={false} value={to} onChange={setTo} /></Box>
      </Stack>
      {productId && (
        <Paper>
          <Table size="small" aria-label="کاردکس">
            <TableHead><TableRow>
              <TableCell>تاریخ</TableCell><TableCell>سند</TableCell><TableCell>انبار</TableCell><TableCell>وارده</TableCell><TableCell>صادره</TableCell><TableCell>مانده</TableCell><TableCell>واحد دوم</TableCell><TableCell>شرح</TableCell>
            </TableRow></TableHead>
            <TableBody>
              {opening != null && <TableRow><TableCell colSpan={5}>مانده از قبل</TableCell><TableCell sx={{ fontWeight: 700 }}>{showQty(opening)}</TableCell><TableCell colSpan={2} /></TableRow>}
              {rows.map((r) => {
                const out = r.quantity.startsWith('-');
                return (
                  <TableRow key={r.seq} hover>
                    <TableCell>{f.date(r.docDate)}</TableCell>
                    <TableCell><RouterLink to={`/stock-documents/${r.documentId}`}>{`${kindLabel(r.documentKind)} ${toPersianDigits(r.documentNumber)}`}</RouterLink></TableCell>
                    <TableCell>{r.warehouseName}</TableCell>
                    <TableCell sx={{ color: 'success.main' }}>{out ? '' : showQty(r.quantity)}</TableCell>
                    <TableCell sx={{ color: 'error.main' }}>{out ? showQty(r.quantity.slice(1)) : ''}</TableCell>
                    <TableCell sx={{ fontWeight: 700 }}>{showQty(r.balanceAfter)}</TableCell>
                    <TableCell>{showQty(r.quantity2)}</TableCell>
                    <TableCell>{r.description ?? r.reference ?? ''}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {!rows.length && !card.isLoading && <Typography sx={{ p: 2 }} color="text.secondary">گردشی پیدا نشد.</Typography>}
          {card.hasNextPage && <Button sx={{ m: 1 }} onClick={() => card.fetchNextPage()} disabled={card.isFetchingNextPage}>ادامه گردش‌ها</Button>}
        </Paper>
      )}
    </>
  );
}
