import AddOutlined from '@mui/icons-material/AddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useCan } from '../../app/auth/can.js';
import { errorText, useFormat } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { FormDialog } from '../../components/ui/form-dialog.js';
import { problemFieldErrors, type FieldErrors } from '../../components/ui/form/use-form-state.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { activitiesApi, activityKeys, type ActivityType } from './activities-api.js';
import { ActivityTypeIcon } from './activity-icon.js';
import { ACTIVITY_ICONS, ACTIVITY_KIND_LABELS, ACTIVITY_KINDS } from './activity-labels.js';
import { useActivityTypes } from './use-activity-options.js';

type Form = { name: string; kind: string; color: string; icon: string; sortOrder: string; active: boolean; version?: number };
const blank: Form = { name: '', kind: 'other', color: '#3949AB', icon: 'event', sortOrder: '100', active: true };

/** Settings › activity types: name, behaviour (kind), color and icon; seeded ones are renamed or deactivated, not deleted. */
export function ActivityTypesPage() {
  const t = useT();
  const f = useFormat();
  const toast = useToast();
  const qc = useQueryClient();
  const canEdit = useCan('settings.edit');
  const types = useActivityTypes().data ?? [];
  const [editing, setEditing] = useState<{ id: string | null; form: Form } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = (x?: ActivityType) => {
    setErrors({}); setError(null);
    setEditing({ id: x?.id ?? null, form: x ? { name: x.name, kind: x.kind, color: x.color, icon: x.icon, sortOrder: String(x.sortOrder), active: x.active, version: x.version } : blank });
  };
  const set = (patch: Partial<Form>) => setEditing((e) => (e ? { ...e, form: { ...e.form, ...patch } } : e));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    setBusy(true);
    try {
      const { kind, ...rest } = editing.form;
      await activitiesApi.saveType(editing.id, editing.id ? rest : { ...rest, kind });
      toast.success('نوع فعالیت ذخیره شد');
      setEditing(null);
      await qc.invalidateQueries({ queryKey: activityKeys.types });
    } catch (err) { setErrors(problemFieldErrors(err)); setError(errorText(err, t)); } finally { setBusy(false); }
  };
  const form = editing?.form;
  return (
    <>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mb: 2 }}>
        {canEdit && <Button variant="contained" startIcon={<AddOutlined />} onClick={() => open()}>نوع تازه</Button>}
      </Box>
      <Paper>
        <Table size="small" aria-label="انواع فعالیت">
          <TableHead><TableRow><TableCell>نوع</TableCell><TableCell>رفتار</TableCell><TableCell>رنگ</TableCell><TableCell>ترتیب</TableCell><TableCell>وضعیت</TableCell></TableRow></TableHead>
          <TableBody>
            {types.map((x) => (
              <TableRow key={x.id} hover sx={{ cursor: canEdit ? 'pointer' : 'default' }} onClick={() => canEdit && open(x)}>
                <TableCell><Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}><ActivityTypeIcon icon={x.icon} color={x.color} />{x.name}</Box></TableCell>
                <TableCell>{ACTIVITY_KIND_LABELS[x.kind].fa}{x.isSystem ? ' (پایه)' : ''}</TableCell>
                <TableCell><Box component="span" dir="ltr">{x.color}</Box></TableCell>
                <TableCell>{f.digits(x.sortOrder)}</TableCell>
                <TableCell>{x.active ? 'فعال' : 'غیرفعال'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <FormDialog open={!!editing} title={editing?.id ? 'ویرایش نوع فعالیت' : 'نوع فعالیت تازه'} busy={busy} error={error} onClose={() => setEditing(null)} onSubmit={submit}>
        {form && <>
          <TextField size="small" label="عنوان" required value={form.name} onChange={(e) => set({ name: e.target.value })} error={!!errors.name} helperText={errors.name} />
          <TextField select size="small" label="رفتار (فیلدهای ویژه)" value={form.kind} disabled={!!editing?.id} onChange={(e) => set({ kind: e.target.value })}
            helperText={editing?.id ? 'رفتار پس از ساخت تغییر نمی‌کند' : 'تماس: جهت و فایل صوتی؛ جلسه: محل و مدعوین'}>
            {ACTIVITY_KINDS.map((k) => <MenuItem key={k} value={k}>{ACTIVITY_KIND_LABELS[k].fa}</MenuItem>)}
          </TextField>
          <Box sx={{ display: 'flex', gap: 2 }}>
            <TextField size="small" label="رنگ" type="color" value={form.color} onChange={(e) => set({ color: e.target.value })} error={!!errors.color} helperText={errors.color} sx={{ flex: 1 }} />
            <TextField select size="small" label="نماد" value={form.icon} onChange={(e) => set({ icon: e.target.value })} sx={{ flex: 1 }}>
              {ACTIVITY_ICONS.map((i) => <MenuItem key={i} value={i}><ActivityTypeIcon icon={i} color={form.color} size={24} /></MenuItem>)}
            </TextField>
          </Box>
          <TextField size="small" label="ترتیب" inputMode="numeric" value={form.sortOrder} onChange={(e) => set({ sortOrder: e.target.value })} error={!!errors.sortOrder} helperText={errors.sortOrder} />
          <FormControlLabel control={<Checkbox checked={form.active} onChange={(e) => set({ active: e.target.checked })} />} label="فعال" />
        </>}
      </FormDialog>
    </>
  );
}
