import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { errorText, useFormat } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { problemFieldErrors } from '../../components/ui/form/use-form-state.js';
import { smsApi, type SmsMessageOut } from './sms-api.js';

/** «ارسال پیامک آزمایشی»: one message now through the saved gateway, and what the gateway answered. */
export function SmsTestCard({ disabled }: { disabled: boolean }) {
  const t = useT();
  const f = useFormat();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async () => {
    setBusy(true); setResult(null); setFieldError(undefined);
    try {
      const m: SmsMessageOut = await smsApi.test({ to });
      setResult(m.status === 'failed'
        ? { ok: false, text: m.lastError ?? 'ارسال نشد' }
        : { ok: true, text: `پیامک به درگاه تحویل شد${m.gatewayMessageId ? `؛ شناسهٔ درگاه ${f.digits(m.gatewayMessageId)}` : ''}. وضعیت تحویل در فهرست پیامک‌ها دیده می‌شود.` });
    } catch (err) {
      const fields = problemFieldErrors(err);
      if (fields.to) setFieldError(fields.to);
      else setResult({ ok: false, text: errorText(err, t) });
    } finally { setBusy(false); }
  };

  return (
    <Card sx={{ maxWidth: 760 }}>
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>ارسال پیامک آزمایشی</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>با تنظیمات ذخیره‌شده همین حالا یک پیامک می‌فرستد و پاسخ درگاه را نشان می‌دهد.</Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField size="small" label="موبایل گیرنده" value={to} onChange={(e) => setTo(e.target.value)} error={!!fieldError} helperText={fieldError}
            disabled={disabled || busy} slotProps={{ htmlInput: { inputMode: 'tel', dir: 'ltr' } }} sx={{ width: 240 }} />
          <Button variant="outlined" onClick={() => void run()} disabled={disabled || busy || !to.trim()}>ارسال آزمایشی</Button>
        </Stack>
        {result && <Alert severity={result.ok ? 'success' : 'error'} sx={{ mt: 2 }}>{f.digits(result.text)}</Alert>}
      </CardContent>
    </Card>
  );
}
