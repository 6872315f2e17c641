import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { GENERIC_BODY_FORMATS, GENERIC_METHODS } from '@common/contracts/sms.contract.js';
import { toPersianDigits } from '@common/text.js';
import type { SmsSettingsOut } from './sms-api.js';
import type { SettingsForm } from './sms-settings-form.js';

type Props = {
  form: SettingsForm;
  saved: SmsSettingsOut;
  set: (patch: Partial<SettingsForm>) => void;
  errors: Partial<Record<keyof SettingsForm, string>>;
  disabled: boolean;
};

const ltr = { htmlInput: { dir: 'ltr' as const } };
/** A stored secret: the label stays up so the ••••1234 placeholder shows. */
const secretSlots = (set: boolean) => ({ htmlInput: { dir: 'ltr' as const }, ...(set ? { inputLabel: { shrink: true } } : {}) });
const secretHelp = (set: boolean, last4: string | null, what: string) =>
  set ? `${what} ثبت شده است${last4 ? `؛ چهار نویسهٔ آخر: ${last4}` : ''}. برای تغییر، مقدار تازه را وارد کنید؛ مقدار ذخیره‌شده هرگز نمایش داده نمی‌شود.` : `${what} رمزگذاری‌شده ذخیره می‌شود و هرگز نمایش داده نمی‌شود.`;

/** Kavenegar: the API key (write-only), the sending line, and the service address for a test server. */
export function KavenegarFields({ form, saved, set, errors, disabled }: Props) {
  const k = saved.kavenegar;
  return (
    <Stack spacing={2}>
      <TextField size="small" type="password" autoComplete="new-password" label="کلید API کاوه‌نگار" value={form.kavenegarApiKey} disabled={disabled || form.clearKavenegarApiKey}
        onChange={(e) => set({ kavenegarApiKey: e.target.value })} error={!!errors.kavenegarApiKey} slotProps={secretSlots(k.apiKeySet)}
        placeholder={k.apiKeySet ? `••••••••${k.apiKeyLast4 ?? ''}` : ''} helperText={errors.kavenegarApiKey ?? secretHelp(k.apiKeySet, k.apiKeyLast4, 'کلید')} />
      {k.apiKeySet && (
        <FormControlLabel control={<Checkbox checked={form.clearKavenegarApiKey} onChange={(e) => set({ clearKavenegarApiKey: e.target.checked })} disabled={disabled} />} label="حذف کلید ذخیره‌شده" />
      )}
      <TextField size="small" label="شماره خط ارسال" value={form.kavenegarSender} onChange={(e) => set({ kavenegarSender: e.target.value })} disabled={disabled}
        error={!!errors.kavenegarSender} helperText={errors.kavenegarSender ?? 'خالی: خط پیش‌فرض حساب کاوه‌نگار'} slotProps={ltr} />
      <TextField size="small" label="نشانی سرویس (پیشرفته)" value={form.kavenegarBaseUrl} onChange={(e) => set({ kavenegarBaseUrl: e.target.value })} disabled={disabled}
        error={!!errors.kavenegarBaseUrl} helperText={errors.kavenegarBaseUrl ?? 'خالی: https://api.kavenegar.com'} slotProps={ltr} />
    </Stack>
  );
}

/** A generic HTTP gateway: address, method, body template with {to} {text} {secret}, headers, and a secret. */
export function GenericHttpFields({ form, saved, set, errors, disabled }: Props) {
  const g = saved.generic;
  const headers = form.genericHeaders;
  const setHeader = (i: number, patch: Partial<{ name: string; value: string }>) => set({ genericHeaders: headers.map((h, j) => (j === i ? { ...h, ...patch } : h)) });
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        جای‌گذاری‌ها: <span dir="ltr">{'{to}'}</span> (۰۹…)، <span dir="ltr">{'{to98}'}</span> (۹۸۹…)، <span dir="ltr">{'{text}'}</span>، <span dir="ltr">{'{id}'}</span> و <span dir="ltr">{'{secret}'}</span> — هر کدام به‌شکل درست برای نشانی، JSON یا فرم رمزگذاری می‌شود. پاسخ ۲xx یعنی ارسال موفق.
      </Typography>
      <TextField size="small" label="نشانی درگاه" required value={form.genericUrl} onChange={(e) => set({ genericUrl: e.target.value })} disabled={disabled}
        error={!!errors.genericUrl} helperText={errors.genericUrl ?? 'مثلاً https://sms.example.ir/send?key={secret}'} slotProps={ltr} />
      <Stack direction="row" spacing={2}>
        <TextField select size="small" label="روش" value={form.genericMethod} onChange={(e) => set({ genericMethod: e.target.value as SettingsForm['genericMethod'] })} disabled={disabled} sx={{ width: 140 }}>
          {GENERIC_METHODS.map((m) => <MenuItem key={m} value={m}>{m}</MenuItem>)}
        </TextField>
        <TextField select size="small" label="قالب بدنه" value={form.genericBodyFormat} onChange={(e) => set({ genericBodyFormat: e.target.value as SettingsForm['genericBodyFormat'] })} disabled={disabled} sx={{ width: 180 }}>
          {GENERIC_BODY_FORMATS.map((m) => <MenuItem key={m} value={m}>{{ json: 'JSON', form: 'فرم (urlencoded)', text: 'متن ساده' }[m]}</MenuItem>)}
        </TextField>
      </Stack>
      <TextField size="small" label="الگوی بدنه" multiline minRows={3} value={form.genericBodyTemplate} onChange={(e) => set({ genericBodyTemplate: e.target.value })} disabled={disabled || form.genericMethod === 'GET'}
        error={!!errors.genericBodyTemplate} helperText={errors.genericBodyTemplate} slotProps={ltr} />
      {headers.map((h, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField size="small" label={`سرآیند ${toPersianDigits(i + 1)}`} value={h.name} onChange={(e) => setHeader(i, { name: e.target.value })} disabled={disabled} sx={{ width: 200 }} slotProps={ltr} />
          <TextField size="small" label="مقدار" value={h.value} onChange={(e) => setHeader(i, { value: e.target.value })} disabled={disabled} slotProps={ltr} />
          <IconButton aria-label="حذف سرآیند" onClick={() => set({ genericHeaders: headers.filter((_, j) => j !== i) })} disabled={disabled}><DeleteOutlined /></IconButton>
        </Stack>
      ))}
      <div><Button size="small" startIcon={<AddOutlined />} onClick={() => set({ genericHeaders: [...headers, { name: '', value: '' }] })} disabled={disabled}>افزودن سرآیند</Button></div>
      <TextField size="small" label="مسیر شناسهٔ پیامک در پاسخ JSON" value={form.genericMessageIdPath} onChange={(e) => set({ genericMessageIdPath: e.target.value })} disabled={disabled}
        error={!!errors.genericMessageIdPath} helperText={errors.genericMessageIdPath ?? 'اختیاری، مانند data.messageId'} slotProps={ltr} />
      <TextField size="small" type="password" autoComplete="new-password" label="رمز یا توکن درگاه ({secret})" value={form.genericSecret} disabled={disabled || form.clearGenericSecret}
        onChange={(e) => set({ genericSecret: e.target.value })} error={!!errors.genericSecret} slotProps={secretSlots(g.secretSet)}
        placeholder={g.secretSet ? `••••••••${g.secretLast4 ?? ''}` : ''} helperText={errors.genericSecret ?? secretHelp(g.secretSet, g.secretLast4, 'رمز')} />
      {g.secretSet && (
        <FormControlLabel control={<Checkbox checked={form.clearGenericSecret} onChange={(e) => set({ clearGenericSecret: e.target.checked })} disabled={disabled} />} label="حذف رمز ذخیره‌شده" />
      )}
    </Stack>
  );
}
