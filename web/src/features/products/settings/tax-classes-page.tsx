import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import { isoDateInTehran, parseJalaliOrIso } from '@common/jalali.js';
import { useCan } from '../../../app/auth/can.js';
import { errorText, useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../../app/navigation.js';
import { FormDialog } from '../../../components/ui/form-dialog.js';
import { PersianNumberInput } from '../../../components/ui/form/persian-number-input.js';
import { useFormState } from '../../../components/ui/form/use-form-state.js';
import { JalaliDateTimeField } from '../../../components/ui/jalali/jalali-date-time-field.js';
import { useProductsT } from '../i18n.js';
import { catalogApi, productKeys, useTaxClasses, type TaxClass } from '../products-api.js';
import { ActiveSwitch, EditDeleteButtons, SettingsCard, useRunner } from './settings-kit.js';

const taxApi = catalogApi('tax-classes');
type RateRow = { effectiveFrom: Date | null; vatRate: string; tollRate: string };
type Values = { name: string; exempt: boolean; rates: RateRow[] };

/** /settings/tax-classes — VAT and municipal toll rates by date (never a constant in code). */
export function TaxClassesPage() {
  const t = useT();
  const P = useProductsT();
  const f = useFormat();
  const canEdit = useCan(PERMISSIONS.productsEdit);
  const classes = useTaxClasses();
  const { busy, run } = useRunner(productKeys.taxClasses);
  const [editing, setEditing] = useState<TaxClass | 'new' | null>(null);
  const S = P.settings;
  return (
    <SettingsCard title={S.taxClasses} addLabel={S.addTax} onAdd={canEdit ? () => setEditing('new') : undefined}>
      <Table size="small" aria-label={S.taxClasses}>
        <TableHead>
          <TableRow>
            <TableCell>{S.taxName}</TableCell>
            <TableCell>{S.rates}</TableCell>
            <TableCell sx={{ width: 90 }}>{t.common.active}</TableCell>
            {canEdit && <TableCell sx={{ width: 110 }}>{t.common.actions}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {(classes.data ?? []).map((c) => (
            <TableRow key={c.id} hover>
              <TableCell>{c.name}</TableCell>
              <TableCell>
                <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                  {c.exempt && <Chip size="small" color="success" variant="outlined" label={S.exempt} />}
                  {c.rates.map((r) => (
                    <Chip key={r.effectiveFrom} size="small" label={`${f.date(parseJalaliOrIso(r.effectiveFrom))}: ${f.number(Number(r.vatRate))}٪ + ${f.number(Number(r.tollRate))}٪`} />
                  ))}
                </Box>
              </TableCell>
              <TableCell>
                <ActiveSwitch name={c.name} active={c.active} disabled={!canEdit || busy} onToggle={() => void run(() => taxApi.update(c.id, { active: !c.active }))} />
              </TableCell>
              {canEdit && (
                <TableCell>
                  <EditDeleteButtons name={c.name} busy={busy} onEdit={() => setEditing(c)} onDelete={() => run(() => taxApi.remove(c.id), t.common.deleted)} />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TaxClassDialog editing={editing} onClose={() => setEditing(null)} />
    </SettingsCard>
  );
}

function TaxClassDialog({ editing, onClose }: { editing: TaxClass | 'new' | null; onClose: () => void }) {
  const t = useT();
  const P = useProductsT();
  const S = P.settings;
  const form = useFormState<Values>({ name: '', exempt: false, rates: [] });
  const { refresh } = useRunner(productKeys.taxClasses);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { reset } = form;
  useEffect(() => {
    if (editing === 'new') reset({ name: '', exempt: false, rates: [] });
    else if (editing) reset({ name: editing.name, exempt: editing.exempt, rates: editing.rates.map((r) => ({ effectiveFrom: parseJalaliOrIso(r.effectiveFrom), vatRate: String(Number(r.vatRate)), tollRate: String(Number(r.tollRate)) })) });
    setError(null);
  }, [editing, reset]);
  const rows = form.values.rates;
  const setRow = (i: number, change: Partial<RateRow>) => form.set('rates', rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const body = { name: form.values.name, exempt: form.values.exempt, rates: rows.map((r) => ({ effectiveFrom: r.effectiveFrom ? isoDateInTehran(r.effectiveFrom) : '', vatRate: r.vatRate, tollRate: r.tollRate })) };
      if (editing === 'new') await taxApi.create(body);
      else if (editing) await taxApi.update(editing.id, body);
      await refresh();
      onClose();
    } catch (err) {
      if (!form.applyServerErrors(err)) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog open={editing !== null} title={editing === 'new' ? S.addTax : t.common.edit} busy={busy} error={error} onClose={onClose} onSubmit={(e) => void submit(e)} maxWidth="sm">
      <TextField {...form.text('name')} label={S.taxName} required autoFocus />
      <FormControlLabel control={<Switch checked={form.values.exempt} onChange={(e) => form.set('exempt', e.target.checked)} />} label={S.exempt} />
      {rows.map((r, i) => (
        <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
          <JalaliDateTimeField withTime={false} label={S.effectiveFrom} value={r.effectiveFrom} onChange={(d) => setRow(i, { effectiveFrom: d })}
            error={Boolean(form.errorOf(`rates.${i}.effectiveFrom`))} helperText={form.errorOf(`rates.${i}.effectiveFrom`)} />
          <PersianNumberInput label={S.vatRate} value={r.vatRate} onChange={(v) => setRow(i, { vatRate: v })} decimal size="small" sx={{ width: 110 }}
            error={Boolean(form.errorOf(`rates.${i}.vatRate`))} helperText={form.errorOf(`rates.${i}.vatRate`)} />
          <PersianNumberInput label={S.tollRate} value={r.tollRate} onChange={(v) => setRow(i, { tollRate: v })} decimal size="small" sx={{ width: 110 }}
            error={Boolean(form.errorOf(`rates.${i}.tollRate`))} helperText={form.errorOf(`rates.${i}.tollRate`)} />
          <IconButton aria-label={t.common.delete} onClick={() => form.set('rates', rows.filter((_, j) => j !== i))}><DeleteOutline /></IconButton>
        </Box>
      ))}
      <Box>
        <Button startIcon={<AddOutlined />} onClick={() => form.set('rates', [...rows, { effectiveFrom: null, vatRate: '', tollRate: '' }])}>{S.addRate}</Button>
      </Box>
    </FormDialog>
  );
}
