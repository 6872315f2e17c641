import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { toPersianDigits } from '@common/text.js';
import { useDebouncedValue } from '../../app/hooks/use-debounced-value.js';
import { inventoryApi, type ProductOption } from './inventory-api.js';

type Props = {
  value: ProductOption | null;
  onChange: (p: ProductOption | null) => void;
  label?: string;
  error?: string | undefined;
  size?: 'small' | 'medium';
  disabled?: boolean;
  /** A fixed width (toolbars); otherwise at least 300px. */
  width?: number;
};

/** Search products by name, code or barcode (GET /api/products?q=); services are left out. */
export function ProductPicker({ value, onChange, label = 'کالا', error, size = 'small', disabled, width }: Props) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 250);
  const { data = [], isFetching } = useQuery({
    queryKey: ['inventory', 'product-search', q],
    queryFn: () => inventoryApi.searchProducts(q),
    staleTime: 30_000,
  });
  const options = data.filter((p) => p.kind !== 'service');
  return (
    <Autocomplete
      size={size}
      disabled={disabled ?? false}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      value={value}
      loading={isFetching}
      filterOptions={(x) => x}
      getOptionLabel={(p) => `${p.name} (${toPersianDigits(p.code)})`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_e, v) => onChange(v)}
      onInputChange={(_e, v, reason) => { if (reason === 'input') setText(v); }}
      noOptionsText="کالایی پیدا نشد"
      loadingText="در حال جستجو…"
      renderInput={(params) => <TextField {...params} label={label} error={!!error} helperText={error} />}
      sx={width ? { width } : { minWidth: 300 }}
    />
  );
}
