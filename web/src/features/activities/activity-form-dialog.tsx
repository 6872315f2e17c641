import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useMe } from '../../app/auth/use-me.js';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { FormDialog } from '../../components/ui/form-dialog.js';
import { useFormState } from '../../components/ui/form/use-form-state.js';
import { JalaliDateTimeField } from '../../components/ui/jalali/jalali-date-time-field.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { CustomerPicker } from '../customers/shared/customer-picker.js';
import { activitiesApi, personName, type Activity } from './activities-api.js';
import { ActivityTypeIcon } from './activity-icon.js';
import { ActivityKindFields, FollowUpCheckbox } from './activity-kind-fields.js';
import { blankValues, toBody, valuesOf, type FormSeed } from './activity-form-values.js';
import { ACTIVITY_STATUS_LABELS, ACTIVITY_STATUSES } from './activity-labels.js';
import { useActivityTypes, useContactOptions, useStaffOptions } from './use-activity-options.js';

type Props = { open: boolean; activity?: Activity | null; seed?: FormSeed; onClose: () => void; onSaved?: (a: Activity) => void };

/** Record or change an activity: from "my activities", the calendar, the cartable and the customer's 360° page. */
export function ActivityFormDialog({ open, activity, seed = {}, onClose, onSaved }: Props) {
  const t = useT();
  const toast = useToast();
  const qc = useQueryClient();
  const me = useMe().data;
  const types = useActivityTypes().data ?? [];
  const staff = useStaffOptions().data ?? [];
  const form = useFormState(blankValues(types, seed, me?.user?.id));
  const { values: v, set, text, errorOf, reset } = form;
  const contacts = useContactOptions(v.customerId).data ?? [];
  const [saved, setSaved] = useState<Activity | null>(null);
  const [audio, setAudio] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [changingCustomer, setChangingCustomer] = useState(false);

  useEffect(() => {
    if (!open) return;
    reset(activity ? valuesOf(activity) : blankValues(types, seed, me?.user?.id));
    setSaved(activity ?? null); setAudio(null); setError(null); setChangingCustomer(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, activity?.id, types.length]);

  const type = types.find((x) => x.id === v.typeId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      // A failed recording upload leaves the activity saved: the next save only retries what is missing.
      let out = await activitiesApi.save(saved?.id ?? null, toBody({ ...v, version: saved?.version ?? v.version }, type?.kind));
      setSaved(out);
      if (audio) out = await activitiesApi.uploadAudio(out.id, audio);
      void qc.invalidateQueries({ queryKey: ['activities'] });
      if (out.customerId) void qc.invalidateQueries({ queryKey: ['customers', out.customerId, 'timeline'] });
      toast.success(activity ? 'فعالیت ذخیره شد' : 'فعالیت ثبت شد');
      onSaved?.(out);
      onClose();
    } catch (err) {
      form.applyServerErrors(err);
      setError(errorText(err, t));
    } finally { setBusy(false); }
  };

  const selectable = types.filter((x) => x.active || x.id === v.typeId);
  return (
    <FormDialog open={open} title={activity ? 'ویرایش فعالیت' : v.isFollowUp ? 'پیگیری تازه' : 'ثبت فعالیت'} busy={busy} error={error} onClose={onClose} onSubmit={submit} maxWidth="sm">
      <TextField select size="small" label="نوع فعالیت" required {...text('typeId')}>
        {selectable.map((x) => (
          <MenuItem key={x.id} value={x.id}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}><ActivityTypeIcon icon={x.icon} color={x.color} size={22} />{x.name}</Box>
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" label="موضوع" required {...text('subject')} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <JalaliDateTimeField label="زمان شروع" required value={v.startsAt} onChange={(d) => set('startsAt', d)} error={!!errorOf('startsAt')} helperText={errorOf('startsAt')} />
        {type?.kind !== 'call' && <JalaliDateTimeField label="زمان پایان" value={v.endsAt} onChange={(d) => set('endsAt', d)} error={!!errorOf('endsAt')} helperText={errorOf('endsAt')} />}
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField select size="small" label="وضعیت" sx={{ flex: 1 }} {...text('status')}>
          {ACTIVITY_STATUSES.map((s) => <MenuItem key={s} value={s}>{ACTIVITY_STATUS_LABELS[s]}</MenuItem>)}
        </TextField>
        <TextField select size="small" label="مسئول" sx={{ flex: 1 }} {...text('responsibleId')}>
          {staff.map((s) => <MenuItem key={s.id} value={s.id}>{personName(s)}</MenuItem>)}
        </TextField>
      </Stack>
      {v.customerId && !changingCustomer ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField size="small" label="مشتری" value={v.customerName ?? ''} slotProps={{ input: { readOnly: true } }} sx={{ flex: 1 }} error={!!errorOf('customerId')} helperText={errorOf('customerId')} />
          {!seed.customerId && <Button size="small" onClick={() => setChangingCustomer(true)}>تغییر</Button>}
        </Stack>
      ) : (
        <CustomerPicker label="مشتری" value={null} onChange={(c) => { set('customerId', c?.id ?? null); set('customerName', c?.displayName ?? null); set('contactId', ''); setChangingCustomer(false); }} />
      )}
      <TextField select size="small" label="رابط مشتری" disabled={!v.customerId} {...text('contactId')}>
        <MenuItem value="">—</MenuItem>
        {contacts.map((c) => <MenuItem key={c.id} value={c.id}>{personName(c)}{c.position ? ` (${c.position})` : ''}</MenuItem>)}
      </TextField>
      <ActivityKindFields kind={type?.kind} form={form} staff={staff} contacts={contacts} audioFileId={saved?.audioFileId ?? null} audio={audio} onAudio={setAudio} />
      <TextField size="small" label="توضیحات" multiline minRows={2} {...text('description')} />
      <FollowUpCheckbox form={form} />
    </FormDialog>
  );
}
