import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { useFormState } from '../../components/ui/form/use-form-state.js';
import type { Principal, PrincipalInput } from './roles-api.js';
import { FormDialog } from '../../components/ui/form-dialog.js';

type Props = {
  open: boolean;
  title: string;
  initial?: Principal | undefined;
  onClose: () => void;
  onSubmit: (input: PrincipalInput) => Promise<void>;
};

/** Name + description of a role or a user group. */
export function PrincipalDialog({ open, title, initial, onClose, onSubmit }: Props) {
  const t = useT();
  const form = useFormState({ name: '', description: '' });
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const { reset } = form;

  useEffect(() => {
    if (open) reset({ name: initial?.name ?? '', description: initial?.description ?? '' });
    setGeneral(null);
  }, [open, initial, reset]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.values.name.trim()) return form.setFieldError('name', t.common.required);
    setBusy(true);
    try {
      await onSubmit({ name: form.values.name.trim(), description: form.values.description.trim() });
      onClose();
    } catch (err) {
      if (!form.applyServerErrors(err)) setGeneral(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog open={open} title={title} busy={busy} error={general} onClose={onClose} onSubmit={submit}>
      <TextField {...form.text('name')} label={t.common.name} required autoFocus />
      <TextField {...form.text('description')} label={t.common.description} multiline minRows={2} />
    </FormDialog>
  );
}
