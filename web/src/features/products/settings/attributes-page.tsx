import EditOutlined from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import { useCan } from '../../../app/auth/can.js';
import { errorText } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../../app/navigation.js';
import { FormDialog } from '../../../components/ui/form-dialog.js';
import { useFormState } from '../../../components/ui/form/use-form-state.js';
import { useProductsT } from '../i18n.js';
import { catalogApi, productKeys, useAttributes, type Attribute } from '../products-api.js';
import { ActiveSwitch, EditDeleteButtons, SettingsCard, useRunner } from './settings-kit.js';

const attributesApi = catalogApi('product-attributes');

/** /settings/product-attributes — attributes such as رنگ or سایز and their values (variants combine them). */
export function ProductAttributesPage() {
  const t = useT();
  const P = useProductsT();
  const canEdit = useCan(PERMISSIONS.productsEdit);
  const attributes = useAttributes();
  const { busy, run } = useRunner(productKeys.attributes);
  const [editing, setEditing] = useState<Attribute | 'new' | null>(null);
  const S = P.settings;
  return (
    <SettingsCard title={S.attributes} addLabel={S.addAttribute} onAdd={canEdit ? () => setEditing('new') : undefined}>
      <Table size="small" aria-label={S.attributes}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 180 }}>{S.attributeName}</TableCell>
            <TableCell>{S.values}</TableCell>
            {canEdit && <TableCell sx={{ width: 110 }}>{t.common.actions}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {(attributes.data ?? []).map((a) => (
            <TableRow key={a.id} hover>
              <TableCell>{a.name}</TableCell>
              <TableCell><Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>{a.values.map((v) => <Chip key={v} size="small" label={v} />)}</Box></TableCell>
              {canEdit && (
                <TableCell>
                  <EditDeleteButtons name={a.name} busy={busy} onEdit={() => setEditing(a)} onDelete={() => run(() => attributesApi.remove(a.id), t.common.deleted)} />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <AttributeDialog editing={editing} onClose={() => setEditing(null)} />
    </SettingsCard>
  );
}

function AttributeDialog({ editing, onClose }: { editing: Attribute | 'new' | null; onClose: () => void }) {
  const t = useT();
  const P = useProductsT();
  const form = useFormState({ name: '', values: '' });
  const { refresh } = useRunner(productKeys.attributes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { reset } = form;
  useEffect(() => {
    if (editing) reset(editing === 'new' ? { name: '', values: '' } : { name: editing.name, values: editing.values.join('، ') });
    setError(null);
  }, [editing, reset]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const body = { name: form.values.name, values: form.values.values.split(/[,،\n]/).map((v) => v.trim()).filter(Boolean) };
      if (editing === 'new') await attributesApi.create(body);
      else if (editing) await attributesApi.update(editing.id, body);
      await refresh();
      onClose();
    } catch (err) {
      if (!form.applyServerErrors(err)) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog open={editing !== null} title={editing === 'new' ? P.settings.addAttribute : t.common.edit} busy={busy} error={error} onClose={onClose} onSubmit={(e) => void submit(e)}>
      <TextField {...form.text('name')} label={P.settings.attributeName} required autoFocus />
      <TextField {...form.text('values')} label={P.settings.values} multiline minRows={2} />
    </FormDialog>
  );
}
