import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { SMS_MAX_LENGTH, smsParts } from '@common/contracts/sms.contract.js';
import { errorText, useFormat } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { FormDialog } from '../../components/ui/form-dialog.js';
import { problemFieldErrors, type FieldErrors } from '../../components/ui/form/use-form-state.js';
import { smsApi, type SmsMessageOut } from './sms-api.js';

type Props = { open: boolean; onClose: () => void; onSent: (m: SmsMessageOut) => void };

/** «پیامک تازه»: one message to one mobile; it is stored in the outbox and sent by the scheduler. */
export function SmsSendDialog({ open, onClose, onSent }: Props) {
  const t = useT();
  const f = useFormat();
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => { setTo(''); setText(''); setErrors({}); setError(null); onClose(); };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setErrors({}); setError(null);
    try {
      onSent(await smsApi.send({ to, text }));
      close();
    } catch (err) {
      const fields = problemFieldErrors(err);
      setErrors(fields);
      if (!Object.keys(fields).length) setError(errorText(err, t));
    } finally { setBusy(false); }
  };

  const parts = smsParts(text);
  return (
    <FormDialog open={open} title="پیامک تازه" busy={busy} error={error} onClose={close} onSubmit={(e) => void submit(e)} maxWidth="sm">
      <TextField size="small" label="موبایل گیرنده" required value={to} onChange={(e) => setTo(e.target.value)} error={!!errors.to}
        helperText={errors.to ?? 'مانند ۰۹۱۲۱۲۳۴۵۶۷؛ ارقام فارسی و ‎+98 هم پذیرفته است'} slotProps={{ htmlInput: { inputMode: 'tel', dir: 'ltr' } }} />
      <TextField size="small" label="متن پیامک" required multiline minRows={4} value={text} onChange={(e) => setText(e.target.value)} error={!!errors.text}
        helperText={errors.text ?? `${f.number([...text].length)} از ${f.number(SMS_MAX_LENGTH)} نویسه — ${f.number(parts)} پیامک`}
        slotProps={{ htmlInput: { maxLength: SMS_MAX_LENGTH } }} />
    </FormDialog>
  );
}
