import Autocomplete from '@mui/material/Autocomplete';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useT } from '../../../app/i18n/locale-provider.js';
import { PersianNumberInput } from '../../../components/ui/form/persian-number-input.js';
import type { FormState } from '../../../components/ui/form/use-form-state.js';
import { JalaliDateTimeField } from '../../../components/ui/jalali/jalali-date-time-field.js';
import { StaffAutocomplete } from '../../staff/staff-autocomplete.js';
import { LookupSelect } from '../shared/lookup-select.js';
import { TagsInput } from '../shared/tags-input.js';
import type { CustomerFormValues } from './customer-form-values.js';

type Props = { form: FormState<CustomerFormValues>; disabled: boolean };
type DigitField = 'nationalId' | 'legalId' | 'economicCode' | 'mobile' | 'phone';

const GRADES = ['A', 'B', 'C', 'D'];

function useDigitField({ form, disabled }: Props) {
  const t = useT();
  return (name: DigitField, maxDigits: number, required = false) => (
    <PersianNumberInput
      name={name}
      label={t.customers.fields[name] ?? name}
      value={form.values[name]}
      onChange={(v) => form.set(name, v)}
      maxDigits={maxDigits}
      required={required}
      error={Boolean(form.errorOf(name))}
      helperText={form.errorOf(name)}
      disabled={disabled}
      slotProps={name === 'mobile' || name === 'phone' ? { htmlInput: { inputMode: 'tel' } } : undefined}
    />
  );
}

/** Person type switch and the fields of a natural or a legal person, plus the customer code. */
export function CustomerIdentityFields({ form, disabled }: Props) {
  const t = useT();
  const L = t.customers.fields;
  const { values, set, errorOf, text } = form;
  const digits = useDigitField({ form, disabled });
  const natural = values.kind === 'natural';
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 6 }}>
        <FormControl disabled={disabled}>
          <FormLabel id="customer-kind-label">{L.kind}</FormLabel>
          <RadioGroup row aria-labelledby="customer-kind-label" value={values.kind} onChange={(e) => set('kind', e.target.value === 'legal' ? 'legal' : 'natural')}>
            <FormControlLabel value="natural" control={<Radio />} label={t.customers.natural} />
            <FormControlLabel value="legal" control={<Radio />} label={t.customers.legal} />
          </RadioGroup>
        </FormControl>
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField {...text('code')} label={L.code} disabled={disabled} helperText={errorOf('code') ?? t.customers.codeHint} slotProps={{ htmlInput: { dir: 'ltr' } }} />
      </Grid>
      {natural ? (
        <>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField {...text('firstName')} label={L.firstName} disabled={disabled} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField {...text('lastName')} label={L.lastName} required disabled={disabled} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>{digits('nationalId', 10)}</Grid>
          <Grid size={{ xs: 12, sm: 3 }}>
            <JalaliDateTimeField withTime={false} name="birthDate" label={L.birthDate ?? ''} value={values.birthDate} onChange={(d) => set('birthDate', d)} maxDate={new Date()} error={Boolean(errorOf('birthDate'))} helperText={errorOf('birthDate')} disabled={disabled} />
          </Grid>
          <Grid size={{ xs: 12, sm: 3 }}>
            <JalaliDateTimeField withTime={false} name="weddingDate" label={L.weddingDate ?? ''} value={values.weddingDate} onChange={(d) => set('weddingDate', d)} error={Boolean(errorOf('weddingDate'))} helperText={errorOf('weddingDate')} disabled={disabled} />
          </Grid>
        </>
      ) : (
        <>
          <Grid size={12}>
            <TextField {...text('companyName')} label={L.companyName} required disabled={disabled} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>{digits('legalId', 11)}</Grid>
          <Grid size={{ xs: 12, sm: 6 }}>{digits('economicCode', 14)}</Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField {...text('registrationNo')} label={L.registrationNo} disabled={disabled} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <LookupSelect list="organizationType" name="organizationTypeId" label={L.organizationTypeId ?? ''} value={values.organizationTypeId} onChange={(v) => set('organizationTypeId', v)} error={Boolean(errorOf('organizationTypeId'))} helperText={errorOf('organizationTypeId')} disabled={disabled} />
          </Grid>
        </>
      )}
    </Grid>
  );
}

/** Phones, email, web, Sheba, and the sales fields: source, grade, tags, owner. */
export function CustomerSalesFields({ form, disabled }: Props) {
  const t = useT();
  const L = t.customers.fields;
  const { values, set, errorOf, text } = form;
  const digits = useDigitField({ form, disabled });
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 6 }}>{digits('mobile', 12)}</Grid>
      <Grid size={{ xs: 12, sm: 6 }}>{digits('phone', 14)}</Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField {...text('email')} label={L.email} type="email" disabled={disabled} slotProps={{ htmlInput: { dir: 'ltr' } }} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField {...text('website')} label={L.website} disabled={disabled} slotProps={{ htmlInput: { dir: 'ltr' } }} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField {...text('sheba')} label={L.sheba} placeholder="IR…" disabled={disabled} slotProps={{ htmlInput: { dir: 'ltr' } }} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <LookupSelect list="customerSource" name="sourceId" label={L.sourceId ?? ''} value={values.sourceId} onChange={(v) => set('sourceId', v)} error={Boolean(errorOf('sourceId'))} helperText={errorOf('sourceId')} disabled={disabled} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <Autocomplete<string, false, false, true>
          freeSolo
          options={GRADES}
          value={values.grade || null}
          inputValue={values.grade}
          onInputChange={(_e, v) => set('grade', v)}
          onChange={(_e, v) => set('grade', v ?? '')}
          disabled={disabled}
          renderInput={(params) => <TextField {...params} name="grade" label={L.grade} error={Boolean(errorOf('grade'))} helperText={errorOf('grade')} />}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <StaffAutocomplete label={L.ownerId ?? ''} value={values.owner} onChange={(v) => set('owner', v)} error={Boolean(errorOf('ownerId'))} helperText={errorOf('ownerId')} disabled={disabled} />
      </Grid>
      <Grid size={12}>
        <TagsInput label={L.tags ?? ''} value={values.tags} onChange={(v) => set('tags', v)} error={Boolean(errorOf('tags'))} helperText={errorOf('tags') ?? t.customers.tagsHint} disabled={disabled} />
      </Grid>
    </Grid>
  );
}
