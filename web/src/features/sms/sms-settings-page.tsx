import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { SMS_GATEWAY_LABELS, SMS_GATEWAYS, type SmsGatewayKind } from '@common/contracts/sms.contract.js';
import { useCan } from '../../app/auth/can.js';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { problemFieldErrors } from '../../components/ui/form/use-form-state.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { smsApi } from './sms-api.js';
import { GenericHttpFields, KavenegarFields } from './sms-gateway-fields.js';
import { FIELD_OF, toBody, toForm, type SettingsForm } from './sms-settings-form.js';
import { SmsTestCard } from './sms-test-card.js';

const KEY = ['sms', 'settings'] as const;
const NOTE: Partial<Record<SmsGatewayKind, { severity: 'info' | 'warning'; text: string }>> = {
  none: { severity: 'warning', text: 'تا درگاهی انتخاب نشود، پیامک‌ها در صف می‌مانند و پس از تنظیم درگاه فرستاده می‌شوند.' },
  'dev-log': { severity: 'info', text: 'پیامک‌ها فقط در گزارش سرور نوشته و «ارسال‌شده» شمرده می‌شوند؛ به هیچ گوشی‌ای نمی‌رسند. برای آزمایش و توسعه.' },
};

/** /settings/sms — which gateway the company sends through, its credentials (write-only), and a test send. */
export function SmsSettingsPage() {
  const t = useT();
  const toast = useToast();
  const qc = useQueryClient();
  const canEdit = useCan('settings.edit');
  const saved = useQuery({ queryKey: KEY, queryFn: smsApi.settings });
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof SettingsForm, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (saved.data) setForm(toForm(saved.data)); }, [saved.data]);

  if (saved.isError) return <Alert severity="error">{errorText(saved.error, t)}</Alert>;
  if (!saved.data || !form) return <Skeleton variant="rounded" height={360} />;
  const set = (patch: Partial<SettingsForm>) => setForm((f) => (f ? { ...f, ...patch } : f));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setErrors({}); setError(null);
    try {
      const next = await smsApi.saveSettings(toBody(form));
      qc.setQueryData(KEY, next);
      toast.success(t.common.saved);
    } catch (err) {
      const fields = problemFieldErrors(err);
      const mapped = Object.fromEntries(Object.entries(fields).map(([path, msg]) => [FIELD_OF[path] ?? path, msg]));
      setErrors(mapped);
      if (!Object.keys(fields).length) setError(errorText(err, t));
    } finally { setBusy(false); }
  };

  const props = { form, saved: saved.data, set, errors, disabled: !canEdit || busy };
  const note = NOTE[form.gateway];
  return (
    <Stack spacing={2}>
      <Card sx={{ maxWidth: 760 }}>
        <CardContent component="form" onSubmit={(e) => void submit(e)} noValidate>
          <Stack spacing={2}>
            {error && <Alert severity="error">{error}</Alert>}
            <Stack direction="row" spacing={2}>
              <TextField select size="small" label="درگاه پیامک" value={form.gateway} onChange={(e) => set({ gateway: e.target.value as SmsGatewayKind })} disabled={!canEdit} sx={{ minWidth: 280 }}>
                {SMS_GATEWAYS.map((g) => <MenuItem key={g} value={g}>{SMS_GATEWAY_LABELS[g].fa}</MenuItem>)}
              </TextField>
              <TextField size="small" label="مهلت پاسخ درگاه (ثانیه)" value={form.timeoutSeconds} onChange={(e) => set({ timeoutSeconds: e.target.value })} disabled={!canEdit}
                error={!!errors.timeoutSeconds} helperText={errors.timeoutSeconds} slotProps={{ htmlInput: { inputMode: 'numeric' } }} sx={{ width: 200 }} />
            </Stack>
            {note && <Alert severity={note.severity}>{note.text}</Alert>}
            {form.gateway === 'kavenegar' && <KavenegarFields {...props} />}
            {form.gateway === 'generic-http' && <GenericHttpFields {...props} />}
            {canEdit && <div><Button type="submit" variant="contained" disabled={busy}>{t.common.save}</Button></div>}
          </Stack>
        </CardContent>
      </Card>
      <SmsTestCard disabled={!canEdit} />
    </Stack>
  );
}
