import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { FormDialog } from '../../components/ui/form-dialog.js';
import { problemFieldErrors, type FieldErrors } from '../../components/ui/form/use-form-state.js';
import { JalaliDateTimeField } from '../../components/ui/jalali/jalali-date-time-field.js';
import { inventoryApi, newKey, type ProductOption, type ReservationOut } from './inventory-api.js';
import { ProductPicker } from './product-picker.js';
import { VariantSelect } from './variant-select.js';

type Form = { product: ProductOption | null; variantId: string | undefined; warehouseId: string; quantity: string; expiresAt: Date | null; reference: string };

/** Tomorrow at this hour: a reasonable first deadline. */
const tomorrow = () => { const d = new Date(Date.now() + 24 * 3600_000); d.setMinutes(0, 0, 0); return d; };
const blank = (): Form => ({ product: null, variantId: undefined, warehouseId: '', quantity: '', expiresAt: tomorrow(), reference: '' });

type Props = { open: boolean; onClose: () => void; onSaved: (r: ReservationOut) => void };

/** «رزرو تازه»: holds stock of a product (or one of its variants) in a warehouse until a deadline. */
export function ReservationDialog({ open, onClose, onSaved }: Props) {
  const t = useT();
  const warehouses = useQuery({ queryKey: ['warehouses'], queryFn: inventoryApi.warehouses, enabled: open });
  const [form, setForm] = useState<Form>(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newKey);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const close = () => { setForm(blank()); setErrors({}); setError(null); onClose(); };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setErrors({}); setError(null);
    try {
      const saved = await inventoryApi.createReservation({
        productId: form.product?.id ?? null, variantId: form.variantId ?? null, warehouseId: form.warehouseId,
        quantity: form.quantity, expiresAt: form.expiresAt ?? '', reference: form.reference,
      }, key);
      setKey(newKey());
      onSaved(saved);
      close();
    } catch (err) {
      const fields = problemFieldErrors(err);
      setErrors(fields);
      // A message that belongs to a field shows under it; the alert is for the rest.
      if (!Object.keys(fields).length) setError(errorText(err, t));
    } finally { setBusy(false); }
  };

  return (
    <FormDialog open={open} title="رزرو تازه" busy={busy} error={error} onClose={close} onSubmit={(e) => void submit(e)} maxWidth="sm">
      <ProductPicker value={form.product} onChange={(p) => set({ product: p, variantId: undefined })} error={errors.productId} />
      <VariantSelect product={form.product} value={form.variantId} onChange={(v) => set({ variantId: v })} error={errors.variantId} />
      <TextField select size="small" label="انبار" required value={form.warehouseId} onChange={(e) => set({ warehouseId: e.target.value })} error={!!errors.warehouseId} helperText={errors.warehouseId}>
        {(warehouses.data?.items ?? []).filter((w) => w.active).map((w) => <MenuItem key={w.id} value={w.id}>{w.name}</MenuItem>)}
      </TextField>
      <TextField size="small" label="مقدار رزرو" required value={form.quantity} onChange={(e) => set({ quantity: e.target.value })} error={!!errors.quantity} helperText={errors.quantity}
        slotProps={{ htmlInput: { inputMode: 'decimal' }, input: { endAdornment: <Typography variant="caption" color="text.secondary">{form.product?.unitName ?? ''}</Typography> } }} />
      <JalaliDateTimeField label="مهلت رزرو" required value={form.expiresAt} onChange={(v) => set({ expiresAt: v })} error={!!errors.expiresAt} helperText={errors.expiresAt} />
      <TextField size="small" label="مرجع (مثلاً شماره پیش‌فاکتور)" value={form.reference} onChange={(e) => set({ reference: e.target.value })} error={!!errors.reference} helperText={errors.reference} />
    </FormDialog>
  );
}
