import AddOutlined from '@mui/icons-material/AddOutlined';
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
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toPersianDigits } from '@common/text.js';
import { api } from '../../app/api-client.js';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { useCan } from '../../app/auth/can.js';
import { PERMISSIONS as P } from '../../app/navigation.js';
import { ExportMenu } from '../../components/ui/data-table/export-menu.js';
import { FormDialog } from '../../components/ui/form-dialog.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { problemFieldErrors, type FieldErrors } from '../../components/ui/form/use-form-state.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { inventoryApi, type Warehouse } from './inventory-api.js';

type Form = { code: string; name: string; managerId: string; address: string; allowNegativeStock: boolean; active: boolean; version?: number };
const blank: Form = { code: '', name: '', managerId: '', address: '', allowNegativeStock: false, active: true };

/** /warehouses — each with a manager (a staff member) and whether stock may go negative there. */
export function WarehousesPage() {
  const t = useT();
  const toast = useToast();
  const qc = useQueryClient();
  const canEdit = useCan(P.warehousesEdit);
  const canCreate = useCan(P.warehousesCreate);
  const canExport = useCan(P.warehousesExport);
  const list = useQuery({ queryKey: ['warehouses'], queryFn: inventoryApi.warehouses });
  const staff = useQuery({ queryKey: ['staff-options'], queryFn: () => api.get<{ items: { id: string; firstName: string | null; lastName: string }[] }>('/api/staff', { query: { limit: 200 } }).catch(() => ({ items: [] })) });
  const [editing, setEditing] = useState<{ id: string | null; form: Form } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = (w?: Warehouse) => { setErrors({}); setError(null); setEditing({ id: w?.id ?? null, form: w ? { code: w.code, name: w.name, managerId: w.managerId ?? '', address: w.address ?? '', allowNegativeStock: w.allowNegativeStock, active: w.active, version: w.version } : blank }); };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    setBusy(true);
    try {
      await inventoryApi.saveWarehouse(editing.id, editing.form);
      toast.success('انبار ذخیره شد');
      setEditing(null);
      await qc.invalidateQueries({ queryKey: ['warehouses'] });
    } catch (err) { setErrors(problemFieldErrors(err)); setError(errorText(err, t)); } finally { setBusy(false); }
  };
  const f = editing?.form;
  const set = (patch: Partial<Form>) => setEditing((x) => (x ? { ...x, form: { ...x.form, ...patch } } : x));
  return (
    <>
      <PageHeader title="انبارها" actions={<>
        {canExport && <ExportMenu url="/api/warehouses/export" query={{}} />}
        {canCreate && <Button variant="contained" startIcon={<AddOutlined />} onClick={() => open()}>انبار تازه</Button>}
      </>} />
      <Paper>
        <Table size="small" aria-label="انبارها">
          <TableHead><TableRow><TableCell>کد</TableCell><TableCell>نام</TableCell><TableCell>مدیر انبار</TableCell><TableCell>موجودی منفی</TableCell><TableCell>وضعیت</TableCell></TableRow></TableHead>
          <TableBody>
            {(list.data?.items ?? []).map((w) => (
              <TableRow key={w.id} hover sx={{ cursor: canEdit ? 'pointer' : 'default' }} onClick={() => canEdit && open(w)}>
                <TableCell>{toPersianDigits(w.code)}</TableCell><TableCell>{w.name}</TableCell><TableCell>{w.managerName ?? '—'}</TableCell>
                <TableCell>{w.allowNegativeStock ? 'مجاز' : 'مجاز نیست'}</TableCell><TableCell>{w.active ? 'فعال' : 'غیرفعال'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <FormDialog open={!!editing} title={editing?.id ? 'ویرایش انبار' : 'انبار تازه'} busy={busy} error={error} onClose={() => setEditing(null)} onSubmit={submit}>
        {f && <>
          <TextField size="small" label="کد انبار" required value={f.code} onChange={(e) => set({ code: e.target.value })} error={!!errors.code} helperText={errors.code} />
          <TextField size="small" label="نام انبار" required value={f.name} onChange={(e) => set({ name: e.target.value })} error={!!errors.name} helperText={errors.name} />
          <TextField select size="small" label="مدیر انبار" value={f.managerId} onChange={(e) => set({ managerId: e.target.value })} error={!!errors.managerId} helperText={errors.managerId}>
            <MenuItem value="">—</MenuItem>
            {(staff.data?.items ?? []).map((s) => <MenuItem key={s.id} value={s.id}>{`${s.firstName ?? ''} ${s.lastName}`.trim()}</MenuItem>)}
          </TextField>
          <TextField size="small" label="نشانی" multiline value={f.address} onChange={(e) => set({ address: e.target.value })} />
          <FormControlLabel control={<Checkbox checked={f.allowNegativeStock} onChange={(e) => set({ allowNegativeStock: e.target.checked })} />} label="فروش و حواله بیش از موجودی در این انبار مجاز است" />
          <FormControlLabel control={<Checkbox checked={f.active} onChange={(e) => set({ active: e.target.checked })} />} label="فعال" />
        </>}
      </FormDialog>
    </>
  );
}
