import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDebouncedValue } from '../../../app/hooks/use-debounced-value.js';
import { searchProducts, type Product } from '../products-api.js';

export type PickedProduct = { id: string; code: string; name: string };

/** Finds a product by name, code or barcode as the user types (Persian normalization on the server). */
export function ProductPicker({ label, value, onChange, error, helperText }: { label: string; value: PickedProduct | null; onChange: (p: PickedProduct | null) => void; error?: boolean; helperText?: string | undefined }) {
  const [input, setInput] = useState('');
  const q = useDebouncedValue(input.trim(), 300);
  const found = useQuery({ queryKey: ['products', 'pick', q], queryFn: ({ signal }) => searchProducts(q, signal), enabled: q.length > 0 });
  const options: PickedProduct[] = (found.data?.items ?? []).map((p: Product) => ({ id: p.id, code: p.code, name: p.name }));
  return (
    <Autocomplete
      value={value}
      onChange={(_, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_, v) => setInput(v)}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      getOptionLabel={(o) => `${o.code} — ${o.name}`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      loading={found.isFetching}
      sx={{ minWidth: 280, flex: 1 }}
      renderInput={(params) => <TextField {...params} label={label} size="small" error={error ?? false} helperText={helperText} />}
    />
  );
}
