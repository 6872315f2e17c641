import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { FormDialog } from '../../components/ui/form-dialog.js';
import { useFormState } from '../../components/ui/form/use-form-state.js';
import { JalaliDateTimeField } from '../../components/ui/jalali/jalali-date-time-field.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { reminderKeys, remindersApi, type Reminder } from './reminders-api.js';

/** Where the dialog was opened from: a customer's page fills in the link. */
export type ReminderSeed = { customerId?: string; customerName?: string };
type Props = { open: boolean; reminder?: Reminder | null; seed?: ReminderSeed; onClose: () => void };
type Values = { text: string; dueAt: Date | null; recipientId: string; viaSms: boolean };

/** A whole minute one hour from now: a sensible default the person changes anyway. */
function nextHour(): Date {
  const d = new Date(Date.now() + 3_600_000);
  d.setSeconds(0, 0);
  return d;
}
const blank = (): Values => ({ text: '', dueAt: nextHour(), recipientId: '', viaSms: false });
const valuesOf = (r: Reminder): Values => ({ text: r.text, dueAt: new Date(r.dueAt), recipientId: r.recipientId, viaSms: r.viaSms });

/** «یادآور تازه» and its edit: text, Jalali date and time, for whom (me by default), SMS, the record it is about. */
export function ReminderFormDialog({ open, reminder, seed = {}, onClose }: Props) {
  const t = useT();
  const toast = useToast();
  const qc = useQueryClient();
  const recipients = useQuery({ queryKey: reminderKeys.recipients, queryFn: remindersApi.recipients, enabled: open, staleTime: 60_000 }).data?.items ?? [];
  const form = useFormState<Values>(blank());
  const { values: v, set, text, errorOf, reset } = form;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    reset(reminder ? valuesOf(reminder) : blank());
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, reminder?.id]);

  const recipientId = v.recipientId || recipients.find((r) => r.isMe)?.id || '';
  const chosen = recipients.find((r) => r.id === recipientId);
  const linkTitle = reminder?.linkTitle ?? (seed.customerName ? `مشتری: ${seed.customerName}` : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      // The picker keeps the seconds of the value it started from; a reminder is set to the minute.
      const due = v.dueAt ? new Date(Math.floor(v.dueAt.getTime() / 60_000) * 60_000).toISOString() : '';
      const body = { text: v.text, dueAt: due, recipientId: recipientId || null, viaSms: v.viaSms, ...(reminder ? { version: reminder.version } : seed.customerId ? { customerId: seed.customerId } : {}) };
      await remindersApi.save(reminder?.id ?? null, body);
      void qc.invalidateQueries({ queryKey: reminderKeys.all });
      if (seed.customerId) void qc.invalidateQueries({ queryKey: ['customers', seed.customerId, 'timeline'] });
      toast.success(reminder ? 'یادآور ذخیره شد' : 'یادآور ثبت شد');
      onClose();
    } catch (err) {
      form.applyServerErrors(err);
      setError(errorText(err, t));
    } finally { setBusy(false); }
  };

  return (
    <FormDialog open={open} title={reminder ? 'ویرایش یادآور' : 'یادآور تازه'} busy={busy} error={error} onClose={onClose} onSubmit={submit} maxWidth="sm">
      <TextField size="small" label="متن یادآور" required multiline minRows={2} autoFocus {...text('text')} />
      <JalaliDateTimeField label="زمان یادآور" required value={v.dueAt} onChange={(d) => set('dueAt', d)} minDate={new Date()} error={!!errorOf('dueAt')} helperText={errorOf('dueAt')} />
      <TextField select size="small" label="برای" value={recipientId} onChange={(e) => set('recipientId', e.target.value)} error={!!errorOf('recipientId')} helperText={errorOf('recipientId')} disabled={recipients.length <= 1}>
        {recipients.map((r) => <MenuItem key={r.id} value={r.id}>{r.isMe ? `خودم (${r.name})` : r.name}</MenuItem>)}
      </TextField>
      <FormControlLabel control={<Checkbox checked={v.viaSms} onChange={(e) => set('viaSms', e.target.checked)} />} label="پیامک هم به موبایل گیرنده فرستاده شود" />
      {v.viaSms && chosen && !chosen.hasMobile && (
        <Alert severity="warning">برای {chosen.isMe ? 'شما' : chosen.name} شماره موبایل ثبت نشده است؛ یادآور فقط در سامانه نمایش داده می‌شود.</Alert>
      )}
      {linkTitle && <TextField size="small" label="درباره" value={linkTitle} slotProps={{ input: { readOnly: true } }} />}
    </FormDialog>
  );
}
