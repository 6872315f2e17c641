import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { FormDialog } from '../../components/ui/form-dialog.js';
import { useFormState } from '../../components/ui/form/use-form-state.js';
import { JalaliDateTimeField } from '../../components/ui/jalali/jalali-date-time-field.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { activitiesApi, personName, type FollowUp } from './activities-api.js';
import { FOLLOW_UP_OUTCOME_LABELS } from './activity-labels.js';
import { useStaffOptions } from './use-activity-options.js';

export type FollowUpAction = 'log' | 'postpone' | 'close' | 'refer';
const TITLES: Record<FollowUpAction, string> = { log: 'ثبت نتیجه تماس', postpone: 'تعویق پیگیری', close: 'بستن پیگیری', refer: 'ارجاع پیگیری' };
const DONE: Record<FollowUpAction, string> = { log: 'نتیجه تماس ثبت شد', postpone: 'پیگیری به تعویق افتاد', close: 'پیگیری بسته شد', refer: 'پیگیری ارجاع شد' };

type Values = { result: string; durationMinutes: string; next: 'keep' | 'postpone' | 'close'; to: Date | null; outcome: string; note: string; userId: string };
const tomorrowMorning = () => { const d = new Date(Date.now() + 86_400_000); d.setHours(10, 0, 0, 0); return d; };
const blank = (): Values => ({ result: '', durationMinutes: '', next: 'keep', to: tomorrowMorning(), outcome: '', note: '', userId: '' });

/** The cartable's four commands on one follow-up, each a small form with the server's messages on its fields. */
export function FollowUpActionDialog({ item, action, onClose }: { item: FollowUp | null; action: FollowUpAction | null; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const qc = useQueryClient();
  const staff = useStaffOptions().data ?? [];
  const form = useFormState<Values>(blank());
  const { values: v, set, text, errorOf } = form;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { if (item) { form.reset(blank()); setError(null); } }, [item?.id, action]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!item || !action) return;
    setBusy(true); setError(null);
    try {
      const to = v.to?.toISOString() ?? '';
      if (action === 'log') await activitiesApi.logCall(item.id, { result: v.result, durationMinutes: v.durationMinutes || null, next: v.next, ...(v.next === 'postpone' ? { to } : {}), ...(v.next === 'close' && v.outcome ? { outcome: v.outcome } : {}) });
      if (action === 'postpone') await activitiesApi.postpone(item.id, { to, note: v.note || null });
      if (action === 'close') await activitiesApi.close(item.id, { ...(v.outcome ? { outcome: v.outcome } : {}), outcomeNote: v.note || null });
      if (action === 'refer') await activitiesApi.refer(item.id, { userId: v.userId || undefined, note: v.note || null });
      toast.success(DONE[action]);
      void qc.invalidateQueries({ queryKey: ['activities'] });
      if (item.customerId) void qc.invalidateQueries({ queryKey: ['customers', item.customerId, 'timeline'] });
      onClose();
    } catch (err) {
      form.applyServerErrors(err);
      setError(errorText(err, t));
    } finally { setBusy(false); }
  };

  const outcome = (
    <TextField select size="small" label="نتیجه پیگیری" required {...text('outcome')}>
      {Object.entries(FOLLOW_UP_OUTCOME_LABELS).map(([k, l]) => <MenuItem key={k} value={k}>{l}</MenuItem>)}
    </TextField>
  );
  const when = <JalaliDateTimeField label="زمان جدید" required value={v.to} onChange={(d) => set('to', d)} error={!!errorOf('to')} helperText={errorOf('to')} />;
  const note = (label: string) => <TextField size="small" label={label} multiline minRows={2} {...text('note')} />;
  return (
    <FormDialog open={!!item && !!action} title={action ? TITLES[action] : ''} busy={busy} error={error} onClose={onClose} onSubmit={submit} maxWidth="sm">
      {item && <Typography variant="body2" color="text.secondary">{item.subject}{item.customerName ? ` — ${item.customerName}` : ''}</Typography>}
      {action === 'log' && <>
        <TextField size="small" label="نتیجه تماس" required multiline minRows={2} autoFocus {...text('result')} />
        <TextField size="small" label="مدت تماس (دقیقه)" inputMode="numeric" {...text('durationMinutes')} />
        <RadioGroup row value={v.next} onChange={(e) => set('next', e.target.value as Values['next'])} aria-label="بعد از تماس">
          <FormControlLabel value="keep" control={<Radio />} label="پیگیری باز بماند" />
          <FormControlLabel value="postpone" control={<Radio />} label="تعویق" />
          <FormControlLabel value="close" control={<Radio />} label="بستن پیگیری" />
        </RadioGroup>
        {v.next === 'postpone' && when}
        {v.next === 'close' && outcome}
      </>}
      {action === 'postpone' && <>{when}{note('علت تعویق')}</>}
      {action === 'close' && <>{outcome}{note('توضیح نتیجه')}</>}
      {action === 'refer' && <>
        <TextField select size="small" label="ارجاع به" required {...text('userId')}>
          {staff.filter((s) => s.id !== item?.responsibleId).map((s) => <MenuItem key={s.id} value={s.id}>{personName(s)}</MenuItem>)}
        </TextField>
        {note('توضیح ارجاع')}
      </>}
    </FormDialog>
  );
}
