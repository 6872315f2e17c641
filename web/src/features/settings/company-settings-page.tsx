import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Skeleton from '@mui/material/Skeleton';
import TextField from '@mui/material/TextField';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../app/api-client.js';
import { useCan } from '../../app/auth/can.js';
import { errorText, useFormat } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../app/navigation.js';
import { ImageUploadField } from '../../components/ui/form/image-upload-field.js';
import { PersianNumberInput } from '../../components/ui/form/persian-number-input.js';
import { useFormState } from '../../components/ui/form/use-form-state.js';
import { useToast } from '../../components/ui/toast-provider.js';

export type CompanySettings = {
  name: string;
  economicCode: string | null;
  legalId: string | null;
  registrationNo: string | null;
  address: string | null;
  phones: string | null;
  postalCode: string | null;
  logoFileId: string | null;
  fiscalYearStartMonth: number;
  currencyDisplay: 'rial' | 'toman';
};

type Values = {
  name: string;
  economicCode: string;
  legalId: string;
  registrationNo: string;
  address: string;
  phones: string;
  postalCode: string;
  fiscalYearStartMonth: number;
  currencyDisplay: 'rial' | 'toman';
};

const COMPANY_URL = '/api/settings/company';
const key = ['settings', 'company'] as const;
const EMPTY: Values = { name: '', economicCode: '', legalId: '', registrationNo: '', address: '', phones: '', postalCode: '', fiscalYearStartMonth: 1, currencyDisplay: 'rial' };

const toValues = (c: CompanySettings): Values => ({
  name: c.name ?? '',
  economicCode: c.economicCode ?? '',
  legalId: c.legalId ?? '',
  registrationNo: c.registrationNo ?? '',
  address: c.address ?? '',
  phones: c.phones ?? '',
  postalCode: c.postalCode ?? '',
  fiscalYearStartMonth: c.fiscalYearStartMonth || 1,
  currencyDisplay: c.currencyDisplay === 'toman' ? 'toman' : 'rial',
});

/** /settings/company — the tenant's legal identity, logo, fiscal year and currency display. */
export function CompanySettingsPage() {
  const t = useT();
  const f = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const canEdit = useCan(PERMISSIONS.settingsEdit);
  const company = useQuery({ queryKey: key, queryFn: () => api.get<CompanySettings>(COMPANY_URL) });
  const form = useFormState<Values>(EMPTY);
  const [busy, setBusy] = useState(false);
  const { reset } = form;
  useEffect(() => {
    if (company.data) reset(toValues(company.data));
  }, [company.data, reset]);

  if (company.isPending) return <Skeleton variant="rounded" height={360} />;
  if (company.isError) return <Alert severity="error">{errorText(company.error, t)}</Alert>;

  const { values, set, errorOf, text } = form;
  const digitField = (name: 'economicCode' | 'legalId' | 'registrationNo' | 'postalCode', label: string, maxDigits: number) => (
    <PersianNumberInput
      name={name}
      label={label}
      value={values[name]}
      onChange={(v) => set(name, v)}
      maxDigits={maxDigits}
      error={Boolean(errorOf(name))}
      helperText={errorOf(name)}
      disabled={!canEdit}
    />
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!values.name.trim()) return form.setFieldError('name', t.common.required);
    setBusy(true);
    try {
      const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
      const body: CompanySettings = {
        name: values.name.trim(),
        economicCode: orNull(values.economicCode),
        legalId: orNull(values.legalId),
        registrationNo: orNull(values.registrationNo),
        address: orNull(values.address),
        phones: orNull(values.phones),
        postalCode: orNull(values.postalCode),
        logoFileId: company.data.logoFileId,
        fiscalYearStartMonth: values.fiscalYearStartMonth,
        currencyDisplay: values.currencyDisplay,
      };
      const saved = await api.put<CompanySettings | undefined>(COMPANY_URL, body);
      queryClient.setQueryData(key, saved && typeof saved === 'object' ? saved : body);
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      toast.success(t.common.saved);
    } catch (err) {
      form.applyServerErrors(err);
      toast.error(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ maxWidth: 960 }}>
      <CardContent component="form" onSubmit={(e) => void submit(e)} noValidate>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 8 }}>
            <Grid container spacing={2}>
              <Grid size={12}>
                <TextField {...text('name')} label={t.company.name} required disabled={!canEdit} />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>{digitField('economicCode', t.company.economicCode, 14)}</Grid>
              <Grid size={{ xs: 12, sm: 6 }}>{digitField('legalId', t.company.legalId, 11)}</Grid>
              <Grid size={{ xs: 12, sm: 6 }}>{digitField('registrationNo', t.company.registrationNo, 12)}</Grid>
              <Grid size={{ xs: 12, sm: 6 }}>{digitField('postalCode', t.company.postalCode, 10)}</Grid>
              <Grid size={12}>
                <TextField {...text('address')} label={t.company.address} multiline minRows={2} disabled={!canEdit} />
              </Grid>
              <Grid size={12}>
                <TextField {...text('phones')} label={t.company.phones} disabled={!canEdit} />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  select
                  label={t.company.fiscalYearStartMonth}
                  value={values.fiscalYearStartMonth}
                  onChange={(e) => set('fiscalYearStartMonth', Number(e.target.value))}
                  disabled={!canEdit}
                >
                  {t.months.map((m, i) => (
                    <MenuItem key={m} value={i + 1}>
                      {f.digits(i + 1)} — {m}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <FormControl disabled={!canEdit}>
                  <FormLabel id="currency-display-label">{t.company.currencyDisplay}</FormLabel>
                  <RadioGroup row aria-labelledby="currency-display-label" value={values.currencyDisplay} onChange={(e) => set('currencyDisplay', e.target.value === 'toman' ? 'toman' : 'rial')}>
                    <FormControlLabel value="rial" control={<Radio />} label={t.company.rial} />
                    <FormControlLabel value="toman" control={<Radio />} label={t.company.toman} />
                  </RadioGroup>
                </FormControl>
              </Grid>
            </Grid>
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <ImageUploadField
              label={t.company.logo}
              fileId={company.data.logoFileId}
              uploadUrl={`${COMPANY_URL}/logo`}
              disabled={!canEdit}
              size={{ width: 200, height: 140 }}
              fileIdField="logoFileId"
              onUploaded={(fileId) => {
                if (fileId) queryClient.setQueryData<CompanySettings>(key, (old) => (old ? { ...old, logoFileId: fileId } : old));
                else void queryClient.invalidateQueries({ queryKey: key });
              }}
            />
          </Grid>
        </Grid>
        {canEdit && (
          <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 3 }}>
            <Button type="submit" variant="contained" disabled={busy}>
              {t.common.save}
            </Button>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
