import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { useFormState } from '../../components/ui/form/use-form-state.js';
import { FormDialog } from '../../components/ui/form-dialog.js';

type Props = { open: boolean; title: string; label: string; initial: string; onClose: () => void; onSubmit: (name: string) => Promise<void> };

/** A one-field dialog for simple lookup lists (job positions and the like). */
export function NameDialog({ open, title, label, initial, onClose, onSubmit }: Props) {
  const t = useT();
  const form = useFormState({ name: initial });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { reset } = form;
  useEffect(() => {
    if (open) {
      reset({ name: initial });
      setError(null);
    }
  }, [open, initial, reset]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const name = form.values.name.trim();
    if (!name) return form.setFieldError('name', t.common.required);
    setBusy(true);
    try {
      await onSubmit(name);
      onClose();
    } catch (err) {
      if (!form.applyServerErrors(err)) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog open={open} title={title} busy={busy} error={error} onClose={onClose} onSubmit={(e) => void submit(e)}>
      <TextField {...form.text('name')} label={label} required autoFocus />
    </FormDialog>
  );
}
