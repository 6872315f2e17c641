import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { useFormState } from '../../components/ui/form/use-form-state.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { changePassword } from './auth-api.js';
import { FormDialog } from '../../components/ui/form-dialog.js';

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const form = useFormState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);

  const close = () => {
    form.reset(EMPTY);
    setGeneral(null);
    onClose();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { currentPassword, newPassword, repeat } = form.values;
    const problems: Record<string, string> = {};
    if (!currentPassword) problems.currentPassword = t.common.required;
    if (!newPassword) problems.newPassword = t.common.required;
    else if (newPassword !== repeat) problems.repeat = t.password.mismatch;
    if (Object.keys(problems).length > 0) {
      form.setErrors(problems);
      return;
    }
    setBusy(true);
    setGeneral(null);
    try {
      await changePassword({ currentPassword, newPassword });
      toast.success(t.password.changed);
      close();
    } catch (err) {
      if (!form.applyServerErrors(err)) setGeneral(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog open={open} title={t.password.title} busy={busy} error={general} onClose={close} onSubmit={submit}>
      <TextField {...form.text('currentPassword')} label={t.password.current} type="password" autoComplete="current-password" autoFocus />
      <TextField {...form.text('newPassword')} label={t.password.next} type="password" autoComplete="new-password" />
      <TextField {...form.text('repeat')} label={t.password.repeat} type="password" autoComplete="new-password" />
    </FormDialog>
  );
}
