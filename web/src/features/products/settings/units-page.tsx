import EditOutlined from '@mui/icons-material/EditOutlined';
import IconButton from '@mui/material/IconButton';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import { useCan } from '../../../app/auth/can.js';
import { errorText, useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../../app/navigation.js';
import { FormDialog } from '../../../components/ui/form-dialog.js';
import { PersianNumberInput } from '../../../components/ui/form/persian-number-input.js';
import { useFormState } from '../../../components/ui/form/use-form-state.js';
import { useProductsT } from '../i18n.js';
import { catalogApi, productKeys, useUnits, type Unit } from '../products-api.js';
import { ActiveSwitch, EditDeleteButtons, SettingsCard, useRunner } from './settings-kit.js';

const unitsApi = catalogApi('product-units');

/** /settings/product-units — units of measure with their decimal places. */
export function ProductUnitsPage() {
  const t = useT();
  const P = useProductsT();
  const f = useFormat();
  const canEdit = useCan(PERMISSIONS.productsEdit);
  const units = useUnits();
  const { busy, run } = useRunner(productKeys.units);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const S = P.settings;
  return (
    <SettingsCard title={S.units} addLabel={S.addUnit} onAdd={canEdit ? () => setEditing('new') : undefined}>
      <Table size="small" aria-label={S.units}>
        <TableHead>
          <TableRow>
            <TableCell>{S.unitName}</TableCell>
            <TableCell>{S.decimals}</TableCell>
            <TableCell>{t.common.active}</TableCell>
            {canEdit && <TableCell sx={{ width: 110 }}>{t.common.actions}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {(units.data ?? []).map((u) => (
            <TableRow key={u.id} hover>
              <TableCell sx={{ color: u.active ? 'text.primary' : 'text.disabled' }}>{u.name}</TableCell>
              <TableCell>{f.digits(u.decimals)}</TableCell>
              <TableCell>
                <ActiveSwitch name={u.name} active={u.active} disabled={!canEdit || busy} onToggle={() => void run(() => unitsApi.update(u.id, { active: !u.active }))} />
              </TableCell>
              {canEdit && (
                <TableCell>
                  <EditDeleteButtons name={u.name} busy={busy} onEdit={() => setEditing(u)} onDelete={() => run(() => unitsApi.remove(u.id), t.common.deleted)} />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <UnitDialog editing={editing} onClose={() => setEditing(null)} />
    </SettingsCard>
  );
}

function UnitDialog({ editing, onClose }: { editing: Unit | 'new' | null; onClose: () => void }) {
  const t = useT();
  const P = useProductsT();
  const form = useFormState({ name: '', decimals: '0' });
  const { refresh } = useRunner(productKeys.units);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { reset } = form;
  useEffect(() => {
    if (editing) reset(editing === 'new' ? { name: '', decimals: '0' } : { name: editing.name, decimals: String(editing.decimals) });
    setError(null);
  }, [editing, reset]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const body = { name: form.values.name, decimals: form.values.decimals || '0' };
      if (editing === 'new') await unitsApi.create(body);
      else if (editing) await unitsApi.update(editing.id, body);
      await refresh();
      onClose();
    } catch (err) {
      if (!form.applyServerErrors(err)) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog open={editing !== null} title={editing === 'new' ? P.settings.addUnit : t.common.edit} busy={busy} error={error} onClose={onClose} onSubmit={(e) => void submit(e)}>
      <TextField {...form.text('name')} label={P.settings.unitName} required autoFocus />
      <PersianNumberInput label={P.settings.decimals} value={form.values.decimals} onChange={(v) => form.set('decimals', v)} maxDigits={1}
        error={Boolean(form.errorOf('decimals'))} helperText={form.errorOf('decimals')} />
    </FormDialog>
  );
}
