import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { useFormState } from '../../components/ui/form/use-form-state.js';
import type { Principal, PrincipalInput } from './roles-api.js';

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
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {general && <Alert severity="error">{general}</Alert>}
            <TextField {...form.text('name')} label={t.common.name} required autoFocus />
            <TextField {...form.text('description')} label={t.common.description} multiline minRows={2} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t.common.cancel}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t.common.save}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
