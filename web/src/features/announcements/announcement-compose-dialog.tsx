import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { errorText, useFormat } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { FormDialog } from '../../components/ui/form-dialog.js';
import { useFormState } from '../../components/ui/form/use-form-state.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { announcementKeys, announcementsApi, type Announcement, type AnnouncementBody } from './announcements-api.js';

type Values = { title: string; body: string; audience: AnnouncementBody['audience']; targetId: string };
const blank: Values = { title: '', body: '', audience: 'all', targetId: '' };

type Props = {
  open: boolean; onClose: () => void; onSent: (a: Announcement) => void;
  /** Given: the sender edits this one (same form, its values, its version). */
  announcement?: Announcement | null | undefined;
};

const valuesOf = (a: Announcement): Values => ({ title: a.title, body: a.body, audience: a.audience, targetId: a.targetId ?? '' });

/** «اطلاعیه تازه» and «ویرایش اطلاعیه»: title, text and the audience — everyone, one role or one unit (within the sender's reach). */
export function AnnouncementComposeDialog({ open, onClose, onSent, announcement: editing }: Props) {
  const t = useT();
  const f = useFormat();
  const toast = useToast();
  const qc = useQueryClient();
  const options = useQuery({ queryKey: announcementKeys.audiences, queryFn: announcementsApi.audiences, enabled: open }).data;
  const form = useFormState<Values>(blank);
  const { values: v, set, text, errorOf, reset } = form;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { if (open) { reset(editing ? valuesOf(editing) : blank); setError(null); } }, [open, editing, reset]);

  const offered = v.audience === 'role' ? options?.roles ?? [] : v.audience === 'unit' ? options?.units ?? [] : [];
  // The one it was sent to stays selectable by its name, even if it is no longer offered (renamed, out of reach).
  const kept = editing && editing.audience === v.audience && editing.targetId && !offered.some((x) => x.id === editing.targetId)
    ? [{ id: editing.targetId, name: editing.targetName ?? '—' }] : [];
  const targets = [...kept, ...offered];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      const body = { title: v.title, body: v.body, audience: v.audience, targetId: v.audience === 'all' ? null : v.targetId || null };
      const sent = editing ? await announcementsApi.update(editing.id, { ...body, version: editing.version }) : await announcementsApi.send(body);
      void qc.invalidateQueries({ queryKey: announcementKeys.all });
      toast.success(editing ? 'اطلاعیه ویرایش شد' : `اطلاعیه برای ${f.digits(sent.recipientCount)} نفر فرستاده شد`);
      onSent(sent);
      onClose();
    } catch (err) {
      form.applyServerErrors(err);
      setError(errorText(err, t));
    } finally { setBusy(false); }
  };

  return (
    <FormDialog open={open} title={editing ? 'ویرایش اطلاعیه' : 'اطلاعیه تازه'} busy={busy} error={error} onClose={onClose} onSubmit={submit} maxWidth="sm">
      {editing && (
        <Alert severity="info">
          با تغییر عنوان یا متن، اطلاعیه برای همه «خوانده‌نشده» می‌شود و دوباره به گیرندگان نشان داده می‌شود. با تغییر مخاطبان، گیرندگان تازه آن را می‌گیرند و وضعیت خواندن بقیه می‌ماند.
        </Alert>
      )}
      <TextField size="small" label="عنوان" required autoFocus {...text('title')} />
      <TextField size="small" label="متن اطلاعیه" required multiline minRows={4} {...text('body')} />
      <div>
        <FormLabel id="audience-label">مخاطبان</FormLabel>
        <RadioGroup row aria-labelledby="audience-label" value={v.audience} onChange={(e) => { set('audience', e.target.value as Values['audience']); set('targetId', ''); }}>
          <FormControlLabel value="all" control={<Radio />} label={options?.allLabel ?? 'همه پرسنل'} />
          <FormControlLabel value="role" control={<Radio />} label="یک نقش" />
          <FormControlLabel value="unit" control={<Radio />} label="یک واحد سازمانی" disabled={options ? options.units.length === 0 : false} />
        </RadioGroup>
      </div>
      {v.audience !== 'all' && (
        <TextField select size="small" label={v.audience === 'role' ? 'نقش' : 'واحد سازمانی'} required value={v.targetId} onChange={(e) => set('targetId', e.target.value)}
          error={!!errorOf('targetId') || !!errorOf('audience')} helperText={errorOf('targetId') ?? errorOf('audience') ?? (v.audience === 'unit' ? 'زیرواحدهای آن هم اطلاعیه را می‌گیرند' : undefined)}>
          {targets.map((x) => <MenuItem key={x.id} value={x.id}>{x.name}</MenuItem>)}
        </TextField>
      )}
    </FormDialog>
  );
}
