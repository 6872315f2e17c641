import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { isoDateInTehran, parseJalaliOrIso } from '@common/jalali.js';
import { api } from '../../../app/api-client.js';
import { errorText } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { FormDialog } from '../../../components/ui/form-dialog.js';
import { PersianNumberInput } from '../../../components/ui/form/persian-number-input.js';
import { useFormState } from '../../../components/ui/form/use-form-state.js';
import { JalaliDateTimeField } from '../../../components/ui/jalali/jalali-date-time-field.js';
import { LookupSelect } from '../../customers/shared/lookup-select.js';
import { useProductsT } from '../i18n.js';
import { priceListsApi, type PriceList } from '../products-api.js';

type Values = { name: string; channelId: string | null; roleId: string | null; validFrom: Date | null; validTo: Date | null; priority: string; active: boolean };
const EMPTY: Values = { name: '', channelId: null, roleId: null, validFrom: null, validTo: null, priority: '0', active: true };
const day = (d: Date | null) => (d ? isoDateInTehran(d) : null);
const date = (s: string | null) => (s ? parseJalaliOrIso(s) : null);

/** Roles for the role select; a user without roles.view simply gets none to choose from. */
function useRoles() {
  return useQuery({ queryKey: ['roles'], queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/roles').then((d) => d.items).catch(() => []), staleTime: 60_000 });
}

export function PriceListDialog({ editing, onClose, onSaved }: { editing: PriceList | 'new' | null; onClose: () => void; onSaved: (p: PriceList) => void }) {
  const t = useT();
  const P = useProductsT();
  const L = P.priceLists;
  const roles = useRoles().data ?? [];
  const form = useFormState<Values>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { reset } = form;
  useEffect(() => {
    if (editing === 'new') reset(EMPTY);
    else if (editing) reset({ name: editing.name, channelId: editing.channelId, roleId: editing.roleId, validFrom: date(editing.validFrom), validTo: date(editing.validTo), priority: String(editing.priority), active: editing.active });
    setError(null);
  }, [editing, reset]);
  const v = form.values;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const body = { name: v.name, channelId: v.channelId, roleId: v.roleId, validFrom: day(v.validFrom), validTo: day(v.validTo), priority: v.priority || '0', active: v.active };
      const saved = editing === 'new' ? await priceListsApi.create(body) : editing ? await priceListsApi.update(editing.id, { ...body, version: editing.version }) : null;
      if (saved) onSaved(saved);
      onClose();
    } catch (err) {
      if (!form.applyServerErrors(err)) setError(errorText(err, t));
      else setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const err = (k: keyof Values) => ({ error: Boolean(form.errorOf(k)), helperText: form.errorOf(k) });
  return (
    <FormDialog open={editing !== null} title={editing === 'new' ? L.create : t.common.edit} busy={busy} error={error} onClose={onClose} onSubmit={(e) => void submit(e)} maxWidth="sm">
      <TextField {...form.text('name')} label={L.name} required autoFocus />
      <Stack direction="row" spacing={2}>
        <LookupSelect list="salesChannel" label={L.channel} emptyLabel={L.anyChannel} value={v.channelId} onChange={(x) => form.set('channelId', x)} {...err('channelId')} />
        <TextField select label={L.role} value={v.roleId ?? ''} onChange={(e) => form.set('roleId', e.target.value || null)} fullWidth {...err('roleId')}>
          <MenuItem value="">{L.anyRole}</MenuItem>
          {roles.map((r) => <MenuItem key={r.id} value={r.id}>{r.name}</MenuItem>)}
        </TextField>
      </Stack>
      <Stack direction="row" spacing={2}>
        <JalaliDateTimeField withTime={false} label={L.validFrom} value={v.validFrom} onChange={(d) => form.set('validFrom', d)} {...err('validFrom')} />
        <JalaliDateTimeField withTime={false} label={L.validTo} value={v.validTo} onChange={(d) => form.set('validTo', d)} {...err('validTo')} />
      </Stack>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <PersianNumberInput label={L.priority} value={v.priority} onChange={(x) => form.set('priority', x)} allowNegative maxDigits={4} sx={{ width: 140 }} {...err('priority')} />
        <FormControlLabel control={<Switch checked={v.active} onChange={(e) => form.set('active', e.target.checked)} />} label={t.common.active} />
      </Stack>
    </FormDialog>
  );
}
