import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { lineLabel } from '@common/contracts/inventory.contract.js';
import { toPersianDigits } from '@common/text.js';
import type { FieldErrors } from '../../components/ui/form/use-form-state.js';
import type { ProductOption } from './inventory-api.js';
import { ProductPicker } from './product-picker.js';
import { VariantName, VariantSelect, type VariantLike } from './variant-select.js';
import { showQty } from './i18n.js';
import { secondUnitHint } from './second-unit-hint.js';

/** `variant`: a saved line's variant when it is not the default one (shown read-only). */
export type LineDraft = { key: string; product: ProductOption | null; variantId?: string | undefined; variant?: VariantLike | undefined; quantity: string; quantity2: string; description: string };
export const emptyLine = (): LineDraft => ({ key: Math.random().toString(36).slice(2), product: null, quantity: '', quantity2: '', description: '' });

type Props = { lines: LineDraft[]; onChange: (lines: LineDraft[]) => void; errors: FieldErrors; readOnly: boolean; quantityLabel: string };

/** The document's rows: product (and its variant when it has several), quantity in its unit, an independent second-unit quantity, a note. */
export function DocumentLinesEditor({ lines, onChange, errors, readOnly, quantityLabel }: Props) {
  const set = (i: number, patch: Partial<LineDraft>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <>
      <Table size="small" aria-label="ردیف‌های سند">
        <TableHead>
          <TableRow>
            <TableCell width={40}>ردیف</TableCell>
            <TableCell>کالا</TableCell>
            <TableCell width={160}>{quantityLabel}</TableCell>
            <TableCell width={140}>مقدار واحد دوم</TableCell>
            <TableCell>توضیحات</TableCell>
            {!readOnly && <TableCell width={48} />}
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((l, i) => {
            const err = (f: string) => errors[`lines.${i}.${f}`];
            return (
              <TableRow key={l.key}>
                <TableCell>{toPersianDigits(i + 1)}</TableCell>
                <TableCell>
                  {readOnly ? (
                    <Typography variant="body2">
                      {l.product ? `${l.product.name} (${toPersianDigits(l.product.code)})` : ''}
                      {l.variant && <Typography component="span" variant="body2" color="text.secondary">{' · '}<VariantName variant={l.variant} /></Typography>}
                    </Typography>
                  ) : (
                    <Stack spacing={1}>
                      <ProductPicker value={l.product} onChange={(p) => set(i, { product: p, variantId: undefined })} error={err('productId')} />
                      <VariantSelect product={l.product} value={l.variantId} onChange={(v) => set(i, { variantId: v })} error={err('variantId')} />
                    </Stack>
                  )}
                </TableCell>
                <TableCell>
                  {readOnly ? `${showQty(l.quantity)} ${l.product?.unitName ?? ''}` : (
                    <TextField size="small" value={l.quantity} onChange={(e) => set(i, { quantity: e.target.value })} error={!!err('quantity')} helperText={err('quantity')}
                      slotProps={{ htmlInput: { inputMode: 'decimal', 'aria-label': `مقدار ${lineLabel(i)}` }, input: { endAdornment: <Typography variant="caption" color="text.secondary">{l.product?.unitName ?? ''}</Typography> } }} />
                  )}
                </TableCell>
                <TableCell>
                  {readOnly ? (l.quantity2 ? `${showQty(l.quantity2)} ${l.product?.secondUnitName ?? ''}` : '—') : (
                    <TextField size="small" value={l.quantity2} disabled={!l.product?.secondUnitName} onChange={(e) => set(i, { quantity2: e.target.value })}
                      error={!!err('quantity2')} helperText={err('quantity2') ?? secondUnitHint(l.quantity, l.product?.secondUnitRatio, l.product?.secondUnitName)} placeholder={l.product?.secondUnitName ?? '—'}
                      slotProps={{ htmlInput: { inputMode: 'decimal', 'aria-label': `مقدار واحد دوم ${lineLabel(i)}` } }} />
                  )}
                </TableCell>
                <TableCell>
                  {readOnly ? l.description : <TextField size="small" fullWidth value={l.description} onChange={(e) => set(i, { description: e.target.value })} />}
                </TableCell>
                {!readOnly && (
                  <TableCell>
                    <IconButton aria-label="حذف ردیف" disabled={lines.length === 1} onClick={() => onChange(lines.filter((_, j) => j !== i))}><DeleteOutline /></IconButton>
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {!readOnly && <Button startIcon={<AddOutlined />} onClick={() => onChange([...lines, emptyLine()])} sx={{ mt: 1 }}>افزودن ردیف</Button>}
      {errors.lines && <Typography color="error" variant="body2">{errors.lines}</Typography>}
    </>
  );
}
