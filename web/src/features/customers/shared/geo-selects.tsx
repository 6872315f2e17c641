import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useLocale, useT } from '../../../app/i18n/locale-provider.js';
import { useCities, useProvinces, type City, type Province } from '../customers-api.js';

type Common = {
  label: string;
  disabled?: boolean;
  error?: boolean;
  helperText?: string | undefined;
  name?: string;
  sx?: object;
  fullWidth?: boolean;
};

/** One of the 31 provinces; type to filter. */
export function ProvinceSelect({ value, onChange, ...p }: Common & { value: number | null; onChange: (id: number | null) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const provinces = useProvinces();
  const options = provinces.data ?? [];
  const selected = options.find((o) => o.id === value) ?? null;
  return (
    <Autocomplete<Province, false>
      value={selected}
      onChange={(_e, v) => onChange(v?.id ?? null)}
      options={options}
      getOptionLabel={(o) => (locale === 'en' && o.nameEn ? o.nameEn : o.name)}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={provinces.isPending}
      loadingText={t.common.loading}
      noOptionsText={t.shell.noResults}
      disabled={p.disabled ?? false}
      fullWidth={p.fullWidth ?? true}
      sx={p.sx}
      renderInput={(params) => <TextField {...params} name={p.name} label={p.label} error={p.error ?? false} helperText={p.helperText} />}
    />
  );
}

/** A city of the chosen province (disabled until a province is chosen). */
export function CitySelect({
  provinceId,
  value,
  onChange,
  ...p
}: Common & { provinceId: number | null; value: number | null; onChange: (id: number | null) => void }) {
  const t = useT();
  const cities = useCities(provinceId);
  const options = provinceId ? (cities.data ?? []) : [];
  const selected = options.find((o) => o.id === value) ?? null;
  return (
    <Autocomplete<City, false>
      value={selected}
      onChange={(_e, v) => onChange(v?.id ?? null)}
      options={options}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={Boolean(provinceId) && cities.isPending}
      loadingText={t.common.loading}
      noOptionsText={t.shell.noResults}
      disabled={(p.disabled ?? false) || !provinceId}
      fullWidth={p.fullWidth ?? true}
      sx={p.sx}
      renderInput={(params) => <TextField {...params} name={p.name} label={p.label} error={p.error ?? false} helperText={p.helperText} />}
    />
  );
}
