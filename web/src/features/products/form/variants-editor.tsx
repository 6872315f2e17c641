import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useFormat } from '../../../app/format.js';
import type { FormState } from '../../../components/ui/form/use-form-state.js';
import { useProductsT } from '../i18n.js';
import { useAttributes } from '../products-api.js';
import { newRowKey, type ProductFormValues, type VariantRow } from './product-form-values.js';

type Props = { form: FormState<ProductFormValues>; disabled: boolean };

/** One row per variant: a value for each attribute, its own code and barcode. */
export function VariantsEditor({ form, disabled }: Props) {
  const P = useProductsT();
  const f = useFormat();
  const attributes = useAttributes().data ?? [];
  const rows = form.values.variants;
  const setRow = (i: number, change: Partial<VariantRow>) => form.set('variants', rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const add = () => form.set('variants', [...rows, { key: newRowKey(), code: '', barcode: '', attributes: {}, active: true }]);

  return (
    <Stack spacing={2}>
      {rows.length === 0 && <Typography color="text.secondary">{attributes.length ? P.variants.empty : P.variants.noAttributes}</Typography>}
      {rows.map((row, i) => {
        const n = f.digits(i + 1);
        const err = (field: string) => form.errorOf(`variants.${i}.${field}`);
        return (
          <Box key={row.key} sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }} role="group" aria-label={`${P.variants.code} ${n}`}>
            {attributes.map((a) => (
              <TextField
                key={a.id} select label={`${a.name} ${n}`} value={row.attributes[a.name] ?? ''} sx={{ width: 150 }} disabled={disabled}
                onChange={(e) => setRow(i, { attributes: { ...row.attributes, [a.name]: e.target.value } })}
                error={Boolean(err(`attributes.${a.name}`) ?? err('attributes'))} helperText={err(`attributes.${a.name}`) ?? (a === attributes[0] ? err('attributes') : undefined)}
              >
                <MenuItem value="">{P.none}</MenuItem>
                {a.values.map((v) => <MenuItem key={v} value={v}>{v}</MenuItem>)}
              </TextField>
            ))}
            <TextField label={`${P.variants.code} ${n}`} value={row.code} onChange={(e) => setRow(i, { code: e.target.value })} placeholder={P.variants.autoCode}
              sx={{ width: 160 }} disabled={disabled} error={Boolean(err('code'))} helperText={err('code')} slotProps={{ htmlInput: { dir: 'ltr' } }} />
            <TextField label={`${P.variants.barcode} ${n}`} value={row.barcode} onChange={(e) => setRow(i, { barcode: e.target.value })}
              sx={{ width: 180 }} disabled={disabled} error={Boolean(err('barcode'))} helperText={err('barcode')} slotProps={{ htmlInput: { dir: 'ltr' } }} />
            <IconButton aria-label={`${P.variants.remove} ${n}`} onClick={() => form.set('variants', rows.filter((_, j) => j !== i))} disabled={disabled} sx={{ mt: 1 }}>
              <DeleteOutline />
            </IconButton>
          </Box>
        );
      })}
      {!disabled && attributes.length > 0 && (
        <Box>
          <Button startIcon={<AddOutlined />} onClick={add}>{P.variants.add}</Button>
        </Box>
      )}
    </Stack>
  );
}
