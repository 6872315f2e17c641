import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDebouncedValue } from '../../app/hooks/use-debounced-value.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { searchStaff, staffKeys } from './staff-api.js';

export type StaffRef = { id: string; name: string };

function useStaffOptions(input: string) {
  const q = useDebouncedValue(input.trim(), 250);
  return useQuery({
    queryKey: staffKeys.search(q),
    queryFn: ({ signal }) => searchStaff(q, signal),
    placeholderData: keepPreviousData,
    select: (d) => d.items.map((s): StaffRef => ({ id: s.id, name: s.fullName || `${s.firstName} ${s.lastName}` })),
  });
}

type BaseProps = {
  label: string;
  disabled?: boolean;
  error?: boolean;
  helperText?: string | undefined;
  /** Staff who may not be chosen (a person cannot manage themself). */
  excludeIds?: readonly string[];
};

/** Pick one staff member by typing a part of the name, code or mobile. */
export function StaffAutocomplete({ value, onChange, ...p }: BaseProps & { value: StaffRef | null; onChange: (v: StaffRef | null) => void }) {
  const t = useT();
  const [input, setInput] = useState('');
  const options = useStaffOptions(input);
  const list = (options.data ?? []).filter((o) => !p.excludeIds?.includes(o.id));
  return (
    <Autocomplete<StaffRef, false>
      value={value}
      onChange={(_e, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_e, v) => setInput(v)}
      options={value && !list.some((o) => o.id === value.id) ? [value, ...list] : list}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={options.isFetching}
      loadingText={t.common.loading}
      noOptionsText={t.shell.noResults}
      disabled={p.disabled ?? false}
      renderInput={(params) => <TextField {...params} label={p.label} error={p.error ?? false} helperText={p.helperText} />}
    />
  );
}

/** Pick several staff members (group members). */
export function StaffMultiAutocomplete({ value, onChange, ...p }: BaseProps & { value: StaffRef[]; onChange: (v: StaffRef[]) => void }) {
  const t = useT();
  const [input, setInput] = useState('');
  const options = useStaffOptions(input);
  const list = options.data ?? [];
  return (
    <Autocomplete<StaffRef, true>
      multiple
      value={value}
      onChange={(_e, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_e, v, reason) => {
        if (reason !== 'reset') setInput(v);
      }}
      options={list}
      filterOptions={(x) => x}
      filterSelectedOptions
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={options.isFetching}
      loadingText={t.common.loading}
      noOptionsText={t.shell.noResults}
      disabled={p.disabled ?? false}
      renderInput={(params) => <TextField {...params} label={p.label} error={p.error ?? false} helperText={p.helperText} />}
    />
  );
}
