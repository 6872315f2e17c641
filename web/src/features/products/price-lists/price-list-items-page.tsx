import AddOutlined from '@mui/icons-material/AddOutlined';
import ArrowBack from '@mui/icons-material/ArrowBack';
import ArrowForward from '@mui/icons-material/ArrowForward';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { api } from '../../../app/api-client.js';
import { useCan } from '../../../app/auth/can.js';
import { errorText, useFormat } from '../../../app/format.js';
import { useLocale, useT } from '../../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../../app/navigation.js';
import { ExportMenu } from '../../../components/ui/data-table/export-menu.js';
import { PersianNumberInput } from '../../../components/ui/form/persian-number-input.js';
import { problemFieldErrors, type FieldErrors } from '../../../components/ui/form/use-form-state.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { PageLoader } from '../../../components/ui/page-loader.js';
import { useToast } from '../../../components/ui/toast-provider.js';
import { useProductsT } from '../i18n.js';
import { fetchProduct, priceListsApi, productKeys, type PriceList } from '../products-api.js';
import { ProductPicker, type PickedProduct } from './product-picker.js';

type Row = { key: string; id?: string; product: PickedProduct | null; variantId: string | null; price: string };
let seq = 0;

function VariantSelect({ productId, value, onChange, label, anyLabel }: { productId: string | undefined; value: string | null; onChange: (v: string | null) => void; label: string; anyLabel: string }) {
  const product = useQuery({ queryKey: productKeys.one(productId ?? ''), queryFn: () => fetchProduct(productId ?? ''), enabled: Boolean(productId) });
  const variants = (product.data?.variants ?? []).filter((v) => !v.isDefault);
  return (
    <TextField select size="small" label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} sx={{ width: 200 }} disabled={!variants.length && !value}>
      <MenuItem value="">{anyLabel}</MenuItem>
      {variants.map((v) => <MenuItem key={v.id} value={v.id}>{`${v.code} (${Object.values(v.attributes).join('، ')})`}</MenuItem>)}
    </TextField>
  );
}

/** /price-lists/:id — the list's prices per product or variant, saved in one bulk request. */
export function PriceListItemsPage() {
  const { id = '' } = useParams();
  const t = useT();
  const P = useProductsT();
  const L = P.priceLists;
  const f = useFormat();
  const { dir } = useLocale();
  const toast = useToast();
  const queryClient = useQueryClient();
  const canEdit = useCan(PERMISSIONS.priceListsEdit);
  const canExport = useCan(PERMISSIONS.priceListsExport);
  const list = useQuery({ queryKey: ['price-lists', id], queryFn: () => api.get<PriceList>(`/api/price-lists/${encodeURIComponent(id)}`) });
  const items = useQuery({ queryKey: productKeys.priceItems(id), queryFn: () => priceListsApi.items(id) });
  const [rows, setRows] = useState<Row[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (items.data) setRows(items.data.map((i) => ({ key: i.id, id: i.id, product: { id: i.productId, code: i.productCode, name: i.productName }, variantId: i.variantId, price: i.price })));
  }, [items.data]);
  if (list.isPending || items.isPending) return <PageLoader />;
  if (list.isError) return <Alert severity="error">{errorText(list.error, t)}</Alert>;

  const setRow = (i: number, change: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const save = async () => {
    setBusy(true);
    setErrors({});
    try {
      const kept = new Set(rows.map((r) => r.id).filter(Boolean));
      const removeIds = (items.data ?? []).filter((i) => !kept.has(i.id)).map((i) => i.id);
      const body = rows.filter((r) => r.product).map((r) => ({ productId: r.product!.id, variantId: r.variantId, price: r.price }));
      await priceListsApi.saveItems(id, body, removeIds);
      await queryClient.invalidateQueries({ queryKey: ['price-lists'] });
      toast.success(t.common.saved);
    } catch (err) {
      setErrors(problemFieldErrors(err));
      toast.error(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const BackIcon = dir === 'rtl' ? ArrowForward : ArrowBack;
  return (
    <>
      <PageHeader
        title={list.data.name}
        subtitle={`${list.data.channelName ?? L.anyChannel} · ${list.data.roleName ?? L.anyRole} · ${list.data.validFrom ? f.date(list.data.validFrom) : L.open} – ${list.data.validTo ? f.date(list.data.validTo) : L.open}`}
        back={<IconButton component={RouterLink} to="/price-lists" aria-label={L.back}><BackIcon /></IconButton>}
        actions={<>
          {canExport && <ExportMenu url={`/api/price-lists/${encodeURIComponent(id)}/items/export`} query={{}} />}
          {canEdit && <Button variant="contained" onClick={() => void save()} disabled={busy}>{L.saveItems}</Button>}
        </>}
      />
      <Card>
        <CardContent>
          <Stack spacing={1.5}>
            {rows.map((r, i) => (
              <Box key={r.key} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
                <ProductPicker label={`${L.product} ${f.digits(i + 1)}`} value={r.product} onChange={(p) => setRow(i, { product: p, variantId: null })}
                  error={Boolean(errors[`items.${i}.productId`])} helperText={errors[`items.${i}.productId`]} />
                <VariantSelect productId={r.product?.id} value={r.variantId} onChange={(v) => setRow(i, { variantId: v })} label={L.variant} anyLabel={L.allVariants} />
                <PersianNumberInput size="small" label={`${L.price} ${f.digits(i + 1)}`} value={r.price} onChange={(v) => setRow(i, { price: v })} separators maxDigits={18} sx={{ width: 200 }}
                  error={Boolean(errors[`items.${i}.price`])} helperText={errors[`items.${i}.price`]} disabled={!canEdit} />
                {canEdit && <IconButton aria-label={`${t.common.delete} ${f.digits(i + 1)}`} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}><DeleteOutline /></IconButton>}
              </Box>
            ))}
            {canEdit && (
              <Box>
                <Button startIcon={<AddOutlined />} onClick={() => setRows((rs) => [...rs, { key: `new-${++seq}`, product: null, variantId: null, price: '' }])}>{L.addItem}</Button>
              </Box>
            )}
          </Stack>
        </CardContent>
      </Card>
    </>
  );
}
