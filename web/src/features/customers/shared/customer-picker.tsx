import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormat } from '../../../app/format.js';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { customerKeys, searchCustomers, type Customer } from '../customers-api.js';

type Props = {
  label: string;
  value: Customer | null;
  onChange: (c: Customer | null) => void;
  excludeIds?: readonly string[];
  autoFocus?: boolean;
};

/** Find one customer by any part of the name, code, phone or national ID. */
export function CustomerPicker({ label, value, onChange, excludeIds = [], autoFocus }: Props) {
  const t = useT();
  const f = useFormat();
  const [input, setInput] = useState('');
  const q = useDebouncedValue(input.trim(), 250);
  const options = useQuery({
    queryKey: customerKeys.search(q),
    queryFn: ({ signal }) => searchCustomers(q, signal),
    placeholderData: keepPreviousData,
    select: (d) => d.items,
  });
  const list = (options.data ?? []).filter((c) => !excludeIds.includes(c.id));
  return (
    <Autocomplete<Customer, false>
      value={value}
      onChange={(_e, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_e, v) => setInput(v)}
      options={value && !list.some((o) => o.id === value.id) ? [value, ...list] : list}
      filterOptions={(x) => x}
      getOptionLabel={(o) => `${o.displayName} (${f.digits(o.code)})`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={options.isFetching}
      loadingText={t.common.loading}
      noOptionsText={t.shell.noResults}
      renderOption={(props, o) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <Box component="li" key={key} {...rest} sx={{ display: 'block !important' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {o.displayName}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {[f.digits(o.code), o.mobile && f.digits(o.mobile), o.nationalId && f.digits(o.nationalId), o.legalId && f.digits(o.legalId)].filter(Boolean).join(' · ')}
            </Typography>
          </Box>
        );
      }}
      renderInput={(params) => <TextField {...params} label={label} autoFocus={autoFocus ?? false} />}
    />
  );
}
