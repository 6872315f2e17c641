import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { PersianNumberInput } from '../../../components/ui/form/persian-number-input.js';
import type { FormState } from '../../../components/ui/form/use-form-state.js';
import { CitySelect, ProvinceSelect } from '../shared/geo-selects.js';
import { emptyAddress, type AddressRow, type CustomerFormValues } from './customer-form-values.js';
import { addRow, removeRow, updateRow } from './row-helpers.js';

type Props = { form: FormState<CustomerFormValues>; disabled: boolean };

/** The fields of one address; shared by the form's sub-table and the 360 page's dialog. */
export function AddressFields({
  row,
  onChange,
  errorOf,
  disabled,
}: {
  row: AddressRow;
  onChange: (patch: Partial<AddressRow>) => void;
  errorOf: (field: string) => string | undefined;
  disabled: boolean;
}) {
  const t = useT();
  const C = t.customers;
  const err = (k: string) => ({ error: Boolean(errorOf(k)), helperText: errorOf(k) });
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 4 }}>
        <TextField label={C.addressTitle} value={row.title} onChange={(e) => onChange({ title: e.target.value })} disabled={disabled} {...err('title')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <ProvinceSelect label={C.province} value={row.provinceId} onChange={(id) => onChange({ provinceId: id, cityId: null })} disabled={disabled} {...err('provinceId')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <CitySelect label={C.city} provinceId={row.provinceId} value={row.cityId} onChange={(id) => onChange({ cityId: id })} disabled={disabled} {...err('cityId')} />
      </Grid>
      <Grid size={12}>
        <TextField label={C.address} value={row.address} onChange={(e) => onChange({ address: e.target.value })} required multiline minRows={2} disabled={disabled} {...err('address')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <PersianNumberInput label={C.postalCode} value={row.postalCode} onChange={(v) => onChange({ postalCode: v })} maxDigits={10} disabled={disabled} {...err('postalCode')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <PersianNumberInput label={C.addressPhone} value={row.phone} onChange={(v) => onChange({ phone: v })} maxDigits={14} disabled={disabled} {...err('phone')} slotProps={{ htmlInput: { inputMode: 'tel' } }} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }} sx={{ display: 'flex', alignItems: 'center' }}>
        <FormControlLabel control={<Checkbox checked={row.isPrimary} onChange={(e) => onChange({ isPrimary: e.target.checked })} disabled={disabled} />} label={C.primaryAddress} />
      </Grid>
    </Grid>
  );
}

/** The addresses sub-table: one bordered group per address («نشانی شماره ۱»…). */
export function CustomerAddressesEditor({ form, disabled }: Props) {
  const t = useT();
  const f = useFormat();
  const C = t.customers;
  const rows = form.values.addresses;
  return (
    <Box>
      {rows.length === 0 && (
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {C.noAddresses}
        </Typography>
      )}
      {rows.map((row, i) => {
        const name = C.addressNumber(f.digits(i + 1));
        const rowError = form.errors[`addresses.${i}`];
        return (
          <Paper key={row.key} variant="outlined" role="group" aria-label={name} sx={{ p: 2, mb: 2 }}>
            <Box sx={{ display: 'flex', alignItems: 'center', mb: 1.5 }}>
              <Typography variant="subtitle2" sx={{ flex: 1 }}>
                {name}
              </Typography>
              {!disabled && (
                <IconButton aria-label={`${C.removeRow} ${name}`} onClick={() => removeRow(form, 'addresses', i)}>
                  <DeleteOutline fontSize="small" />
                </IconButton>
              )}
            </Box>
            {rowError && (
              <Typography color="error" variant="body2" sx={{ mb: 1 }}>
                {rowError}
              </Typography>
            )}
            <AddressFields row={row} onChange={(patch) => updateRow(form, 'addresses', i, patch)} errorOf={(k) => form.errors[`addresses.${i}.${k}`]} disabled={disabled} />
          </Paper>
        );
      })}
      {!disabled && (
        <Button startIcon={<AddOutlined />} onClick={() => addRow(form, 'addresses', emptyAddress())}>
          {C.addAddress}
        </Button>
      )}
    </Box>
  );
}
