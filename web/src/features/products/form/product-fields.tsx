import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { PersianNumberInput } from '../../../components/ui/form/persian-number-input.js';
import type { FormState } from '../../../components/ui/form/use-form-state.js';
import { LookupSelect } from '../../customers/shared/lookup-select.js';
import { useProductsT } from '../i18n.js';
import { CategorySelect, TaxClassSelect, UnitSelect } from '../shared-selects.js';
import type { ProductFormValues } from './product-form-values.js';

type Props = { form: FormState<ProductFormValues>; disabled: boolean };
type RefField = 'categoryId' | 'brandId' | 'unitId' | 'secondUnitId' | 'taxClassId';

function useRefProps(form: Props['form'], disabled: boolean) {
  const P = useProductsT();
  return (name: RefField) => ({
    name, label: P.fields[name]!, value: form.values[name], onChange: (v: string | null) => form.set(name, v), disabled,
    error: Boolean(form.errorOf(name)), helperText: form.errorOf(name),
  });
}

/** Code, name, kind, category, brand, color, barcode and description. */
export function ProductMainFields({ form, disabled }: Props) {
  const P = useProductsT();
  const L = P.fields;
  const ref = useRefProps(form, disabled);
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 4 }}>
        <TextField {...form.text('code')} label={L.code} disabled={disabled} helperText={form.errorOf('code') ?? P.codeHint} slotProps={{ htmlInput: { dir: 'ltr' } }} />
      </Grid>
      <Grid size={{ xs: 12, sm: 8 }}>
        <TextField {...form.text('name')} label={L.name} required disabled={disabled} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <TextField select label={L.kind} name="kind" value={form.values.kind} onChange={(e) => form.set('kind', e.target.value === 'service' ? 'service' : 'goods')} disabled={disabled}>
          <MenuItem value="goods">{P.goods}</MenuItem>
          <MenuItem value="service">{P.service}</MenuItem>
        </TextField>
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <CategorySelect {...ref('categoryId')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <LookupSelect list="productBrand" {...ref('brandId')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <TextField {...form.text('barcode')} label={L.barcode} disabled={disabled} slotProps={{ htmlInput: { dir: 'ltr', inputMode: 'numeric' } }} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <TextField {...form.text('color')} label={L.color} disabled={disabled} />
      </Grid>
      <Grid size={12}>
        <TextField {...form.text('description')} label={L.description} multiline minRows={2} disabled={disabled} />
      </Grid>
    </Grid>
  );
}

/** Main and second unit, tax class, base price in Rial (thousands separators) and the flags. */
export function ProductUnitPriceFields({ form, disabled }: Props) {
  const P = useProductsT();
  const L = P.fields;
  const ref = useRefProps(form, disabled);
  const flag = (name: 'active' | 'showStockToSales' | 'allowNegativeStock') => (
    <FormControlLabel
      control={<Switch checked={form.values[name]} onChange={(e) => form.set(name, e.target.checked)} disabled={disabled} />}
      label={L[name]}
    />
  );
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 4 }}>
        <UnitSelect {...ref('unitId')} required />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <UnitSelect {...ref('secondUnitId')} helperText={form.errorOf('secondUnitId') ?? P.secondUnitHint} />
      </Grid>
      {form.values.secondUnitId && (
        <Grid size={{ xs: 12, sm: 4 }}>
          <PersianNumberInput
            name="secondUnitRatio" label={L.secondUnitRatio} value={form.values.secondUnitRatio} onChange={(v) => form.set('secondUnitRatio', v)} decimal
            disabled={disabled} error={Boolean(form.errorOf('secondUnitRatio'))} helperText={form.errorOf('secondUnitRatio') ?? P.secondUnitRatioHint} fullWidth
          />
        </Grid>
      )}
      <Grid size={{ xs: 12, sm: 4 }}>
        <TaxClassSelect {...ref('taxClassId')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <PersianNumberInput
          name="basePrice" label={L.basePrice} value={form.values.basePrice} onChange={(v) => form.set('basePrice', v)} separators maxDigits={18}
          disabled={disabled} error={Boolean(form.errorOf('basePrice'))} helperText={form.errorOf('basePrice')} fullWidth
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 8 }} sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center' }}>
        {flag('active')}
        {flag('showStockToSales')}
        {flag('allowNegativeStock')}
      </Grid>
    </Grid>
  );
}
