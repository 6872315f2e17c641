import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { useT } from '../../../app/i18n/locale-provider.js';
import { JalaliDateTimeField } from '../../../components/ui/jalali/jalali-date-time-field.js';
import { useStaff } from '../../staff/staff-api.js';
import { StaffAutocomplete } from '../../staff/staff-autocomplete.js';
import { CitySelect, ProvinceSelect } from '../shared/geo-selects.js';
import { LookupSelect } from '../shared/lookup-select.js';
import { dateToIsoDay, isoDayToDate, type CustomerFilterValues, type FilterKey } from './use-customer-filters.js';

type Props = {
  filters: CustomerFilterValues;
  setFilter: (k: FilterKey, v: string | null) => void;
  clear: () => void;
};

/** Free text filters apply on Enter or when leaving the field (not on every keystroke). */
function CommitTextField({ label, value, onCommit }: { label: string; value: string; onCommit: (v: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => text.trim() !== value && onCommit(text.trim());
  return (
    <TextField
      label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

/** The list's filter form (in a popover; loaded on first open, with the date pickers). */
export function CustomerFilterPanel({ filters, setFilter, clear }: Props) {
  const t = useT();
  const L = t.customers.fields;
  const owner = useStaff(filters.ownerId);
  const ownerRef = filters.ownerId ? { id: filters.ownerId, name: owner.data?.fullName ?? '…' } : null;
  const provinceId = filters.provinceId ? Number(filters.provinceId) : null;
  return (
    <Grid container spacing={2} sx={{ p: 2, width: { xs: '90vw', sm: 520 } }}>
      <Grid size={{ xs: 12, sm: 8 }}>
        <StaffAutocomplete label={L.ownerId ?? ''} value={ownerRef} onChange={(v) => setFilter('ownerId', v?.id ?? null)} disabled={filters.noOwner === 'true'} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }} sx={{ display: 'flex', alignItems: 'center' }}>
        <FormControlLabel
          control={<Checkbox checked={filters.noOwner === 'true'} onChange={(e) => setFilter('noOwner', e.target.checked ? 'true' : null)} />}
          label={t.customers.noOwner}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <ProvinceSelect label={t.customers.province} value={provinceId} onChange={(id) => setFilter('provinceId', id ? String(id) : null)} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <CitySelect
          label={t.customers.city}
          provinceId={provinceId}
          value={filters.cityId ? Number(filters.cityId) : null}
          onChange={(id) => setFilter('cityId', id ? String(id) : null)}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <LookupSelect list="customerSource" label={L.sourceId ?? ''} value={filters.sourceId ?? null} onChange={(id) => setFilter('sourceId', id)} emptyLabel={t.common.all} />
      </Grid>
      <Grid size={{ xs: 6, sm: 3 }}>
        <CommitTextField label={t.customers.tag} value={filters.tag ?? ''} onCommit={(v) => setFilter('tag', v)} />
      </Grid>
      <Grid size={{ xs: 6, sm: 3 }}>
        <CommitTextField label={L.grade ?? ''} value={filters.grade ?? ''} onCommit={(v) => setFilter('grade', v)} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <JalaliDateTimeField
          withTime={false}
          label={t.customers.createdFrom}
          value={isoDayToDate(filters.createdFrom)}
          onChange={(d) => setFilter('createdFrom', dateToIsoDay(d))}
          maxDate={isoDayToDate(filters.createdTo) ?? undefined}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <JalaliDateTimeField
          withTime={false}
          label={t.customers.createdTo}
          value={isoDayToDate(filters.createdTo)}
          onChange={(d) => setFilter('createdTo', dateToIsoDay(d))}
          minDate={isoDayToDate(filters.createdFrom) ?? undefined}
        />
      </Grid>
      <Grid size={12} sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={clear}>{t.customers.clearFilters}</Button>
      </Grid>
    </Grid>
  );
}
