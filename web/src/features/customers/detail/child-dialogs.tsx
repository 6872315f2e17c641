import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { errorText } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { PersianNumberInput } from '../../../components/ui/form/persian-number-input.js';
import { useFormState } from '../../../components/ui/form/use-form-state.js';
import { AddressFields } from '../form/customer-addresses-editor.js';
import { addressInputOf, contactInputOf, emptyAddress, emptyContact, type AddressRow, type ContactRow } from '../form/customer-form-values.js';
import { FormDialog } from '../../../components/ui/form-dialog.js';


/** Shared submit logic: server field errors go under the inputs, anything else above them. */
function useChildForm<T extends Record<string, unknown>>(open: boolean, initial: T) {
  const form = useFormState<T>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  const { reset } = form;
  useEffect(() => {
    if (open) {
      reset(initial);
      setError(null);
    }
  }, [open]); // reset only when the dialog opens
  const run = async (save: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await save();
    } catch (err) {
      const onFields = form.applyServerErrors(err);
      setError(onFields ? null : errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return { form, busy, error, run };
}

type ContactDialogProps = { open: boolean; initial: ContactRow | null; onClose: () => void; onSave: (input: ReturnType<typeof contactInputOf>) => Promise<void> };

/** Add or edit one contact of a saved customer. */
export function ContactDialog({ open, initial, onClose, onSave }: ContactDialogProps) {
  const t = useT();
  const L = t.customers.fields;
  const { form, busy, error, run } = useChildForm<ContactRow>(open, initial ?? emptyContact());
  const { values, set, errorOf, text } = form;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!values.lastName.trim()) return form.setFieldError('lastName', t.common.required);
    void run(async () => {
      await onSave(contactInputOf(values));
      onClose();
    });
  };
  const digit = (k: 'mobile' | 'phone') => (
    <PersianNumberInput label={L[k] ?? k} value={values[k]} onChange={(v) => set(k, v)} maxDigits={k === 'mobile' ? 12 : 14} error={Boolean(errorOf(k))} helperText={errorOf(k)} slotProps={{ htmlInput: { inputMode: 'tel' } }} />
  );
  return (
    <FormDialog maxWidth="md" open={open} title={initial ? t.customers.editContact : t.customers.addContact} busy={busy} error={error} onClose={onClose} onSubmit={submit}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField {...text('firstName')} label={L.firstName} autoFocus />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField {...text('lastName')} label={L.lastName} required />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField {...text('position')} label={t.customers.position} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField {...text('email')} label={L.email} type="email" slotProps={{ htmlInput: { dir: 'ltr' } }} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>{digit('mobile')}</Grid>
        <Grid size={{ xs: 12, sm: 6 }}>{digit('phone')}</Grid>
        <Grid size={12}>
          <TextField {...text('notes')} label={L.notes} multiline minRows={2} />
        </Grid>
        <Grid size={12}>
          <FormControlLabel control={<Checkbox checked={values.isPrimary} onChange={(e) => set('isPrimary', e.target.checked)} />} label={t.customers.primaryContact} />
        </Grid>
      </Grid>
    </FormDialog>
  );
}

type AddressDialogProps = { open: boolean; initial: AddressRow | null; onClose: () => void; onSave: (input: ReturnType<typeof addressInputOf>) => Promise<void> };

/** Add or edit one address of a saved customer. */
export function AddressDialog({ open, initial, onClose, onSave }: AddressDialogProps) {
  const t = useT();
  const { form, busy, error, run } = useChildForm<AddressRow>(open, initial ?? emptyAddress());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.address.trim()) return form.setFieldError('address', t.common.required);
    void run(async () => {
      await onSave(addressInputOf(form.values));
      onClose();
    });
  };
  return (
    <FormDialog maxWidth="md" open={open} title={initial ? t.customers.editAddress : t.customers.addAddress} busy={busy} error={error} onClose={onClose} onSubmit={submit}>
      <AddressFields
        row={form.values}
        onChange={(patch) => {
          for (const [k, v] of Object.entries(patch)) form.set(k as keyof AddressRow & string, v as never);
        }}
        errorOf={form.errorOf}
        disabled={busy}
      />
    </FormDialog>
  );
}
