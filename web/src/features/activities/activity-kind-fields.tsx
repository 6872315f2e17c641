import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { fileUrl } from '../../app/api-client.js';
import type { FormState } from '../../components/ui/form/use-form-state.js';
import { personName, type ContactOption, type StaffOption } from './activities-api.js';
import type { ActivityFormValues } from './activity-form-values.js';
import { CALL_DIRECTION_LABELS } from './activity-labels.js';

type Props = {
  kind: string | undefined;
  form: FormState<ActivityFormValues>;
  staff: StaffOption[];
  contacts: ContactOption[];
  audioFileId: string | null;
  audio: File | null;
  onAudio: (f: File | null) => void;
};

const multi = (ids: string[], label: (id: string) => string) => ({
  multiple: true,
  renderValue: (v: unknown) => (v as string[]).map(label).join('، '),
  value: ids,
});

/** What only some kinds have: a call's direction, length and recording; a meeting's place and invitees; a visit's place. */
export function ActivityKindFields({ kind, form, staff, contacts, audioFileId, audio, onAudio }: Props) {
  const { values: v, set, text, errorOf } = form;
  const staffName = (id: string) => personName(staff.find((s) => s.id === id) ?? { firstName: null, lastName: '—' });
  const contactName = (id: string) => personName(contacts.find((c) => c.id === id) ?? { firstName: null, lastName: '—' });
  if (kind === 'call') {
    return (
      <>
        <Stack direction="row" spacing={2}>
          <TextField select size="small" label="جهت تماس" sx={{ flex: 1 }} {...text('direction')}>
            <MenuItem value="">—</MenuItem>
            <MenuItem value="out">{CALL_DIRECTION_LABELS.out}</MenuItem>
            <MenuItem value="in">{CALL_DIRECTION_LABELS.in}</MenuItem>
          </TextField>
          <TextField size="small" label="مدت تماس (دقیقه)" sx={{ flex: 1 }} inputMode="numeric" {...text('durationMinutes')} />
        </Stack>
        <Stack spacing={0.5}>
          <Typography variant="body2" component="label" htmlFor="activity-audio">فایل صوتی تماس (mp3، wav، ogg، m4a، amr، webm)</Typography>
          <input id="activity-audio" type="file" accept="audio/*,.amr,.m4a,.webm" onChange={(e) => { onAudio(e.target.files?.[0] ?? null); form.setFieldError('audio', undefined); }} />
          {audio && <Typography variant="caption">{audio.name}</Typography>}
          {!audio && audioFileId && <audio controls src={fileUrl(audioFileId)} style={{ width: '100%' }} />}
          {errorOf('audio') && <Typography variant="caption" color="error" role="alert">{errorOf('audio')}</Typography>}
        </Stack>
      </>
    );
  }
  if (kind !== 'meeting' && kind !== 'visit') return null;
  return (
    <>
      <TextField size="small" label={kind === 'meeting' ? 'محل جلسه' : 'محل بازدید'} {...text('location')} />
      {kind === 'meeting' && (
        <>
          <TextField select size="small" label="همکاران دعوت‌شده" slotProps={{ select: multi(v.inviteeUserIds, staffName) }} value={v.inviteeUserIds}
            onChange={(e) => set('inviteeUserIds', e.target.value as unknown as string[])} error={!!errorOf('invitees')} helperText={errorOf('invitees')}>
            {staff.map((s) => (
              <MenuItem key={s.id} value={s.id}>
                <Checkbox size="small" checked={v.inviteeUserIds.includes(s.id)} />
                <ListItemText primary={personName(s)} />
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label="افراد مشتری دعوت‌شده" disabled={!contacts.length} slotProps={{ select: multi(v.inviteeContactIds, contactName) }} value={v.inviteeContactIds}
            onChange={(e) => set('inviteeContactIds', e.target.value as unknown as string[])}>
            {contacts.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                <Checkbox size="small" checked={v.inviteeContactIds.includes(c.id)} />
                <ListItemText primary={personName(c)} secondary={c.position} />
              </MenuItem>
            ))}
          </TextField>
        </>
      )}
    </>
  );
}

export function FollowUpCheckbox({ form }: { form: FormState<ActivityFormValues> }) {
  return (
    <FormControlLabel
      control={<Checkbox checked={form.values.isFollowUp} onChange={(e) => form.set('isFollowUp', e.target.checked)} />}
      label="پیگیری است (در کارتابل پیگیری مسئول می‌آید)"
    />
  );
}
