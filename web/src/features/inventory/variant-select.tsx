import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { toPersianDigits } from '@common/text.js';
import { inventoryApi, type ProductOption } from './inventory-api.js';

export type VariantLike = { code: string; attributes: Record<string, string> };

/** «۱۰۰۲-B — آبی، L»: the code kept left-to-right (a mixed code is reordered in RTL text), then the attribute values. */
export function VariantName({ variant }: { variant: VariantLike }) {
  const values = Object.values(variant.attributes).join('، ');
  return <><bdi dir="ltr">{toPersianDigits(variant.code)}</bdi>{` — ${values || 'پیش‌فرض'}`}</>;
}

type Props = {
  product: ProductOption | null;
  /** Unset means the default variant (the server picks it for a line with only a product). */
  value: string | undefined;
  onChange: (variantId: string | undefined) => void;
  label?: string;
  error?: string | undefined;
  size?: 'small' | 'medium';
  disabled?: boolean;
};

/** The product's variants (GET /api/products/{id}/variants, default first); none needed when a product has only the default. */
export function useProductVariants(product: ProductOption | null) {
  const maybeMore = !!product && (product.variantCount === undefined || product.variantCount > 0);
  return useQuery({
    queryKey: ['inventory', 'variants', product?.id],
    queryFn: () => inventoryApi.variants(product!.id),
    enabled: maybeMore,
    staleTime: 30_000,
    select: (r) => r.items,
  });
}

/** A second select beside the product picker: shown only when the product has more than its default variant. */
export function VariantSelect({ product, value, onChange, label = 'تنوع', error, size = 'small', disabled }: Props) {
  const { data = [] } = useProductVariants(product);
  const options = data.filter((v) => v.active || v.id === value);
  if (options.length < 2) return null;
  return (
    <TextField select size={size} label={label} value={value ?? options[0]!.id} disabled={disabled ?? false} error={!!error} helperText={error}
      onChange={(e) => onChange(e.target.value)} sx={{ minWidth: 220 }}>
      {options.map((v) => <MenuItem key={v.id} value={v.id}><VariantName variant={v} /></MenuItem>)}
    </TextField>
  );
}
