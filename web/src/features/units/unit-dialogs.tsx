import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { useFormState } from '../../components/ui/form/use-form-state.js';
import { StaffAutocomplete, type StaffRef } from '../staff/staff-autocomplete.js';
import { UnitSelect } from './unit-select.js';
import type { UnitKind } from './units-api.js';
import { FormDialog } from '../../components/ui/form-dialog.js';


export type UnitFormValues = { name: string; kind: UnitKind; manager: StaffRef | null };

type UnitDialogProps = {
  open: boolean;
  title: string;
  initial: UnitFormValues;
  onClose: () => void;
  onSubmit: (v: UnitFormValues) => Promise<void>;
};

/** Add a unit / rename a unit (name, kind, manager). */
export function UnitDialog({ open, title, initial, onClose, onSubmit }: UnitDialogProps) {
  const t = useT();
  const form = useFormState<UnitFormValues>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { reset } = form;
  useEffect(() => {
    if (open) {
      reset(initial);
      setError(null);
    }
  }, [open, initial, reset]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.name.trim()) return form.setFieldError('name', t.common.required);
    setBusy(true);
    try {
      await onSubmit({ ...form.values, name: form.values.name.trim() });
      onClose();
    } catch (err) {
      if (!form.applyServerErrors(err)) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog open={open} title={title} busy={busy} error={error} onClose={onClose} onSubmit={(e) => void submit(e)}>
      <TextField {...form.text('name')} label={t.common.name} required autoFocus />
      <TextField select label={t.units.kind} value={form.values.kind} onChange={(e) => form.set('kind', e.target.value as UnitKind)}>
        <MenuItem value="branch">{t.units.branch}</MenuItem>
        <MenuItem value="department">{t.units.department}</MenuItem>
      </TextField>
      <StaffAutocomplete
        label={t.units.manager}
        value={form.values.manager}
        onChange={(v) => form.set('manager', v)}
        error={Boolean(form.errorOf('managerId'))}
        helperText={form.errorOf('managerId')}
      />
    </FormDialog>
  );
}

type MoveDialogProps = {
  open: boolean;
  title: string;
  parentId: string | null;
  exclude: ReadonlySet<string>;
  onClose: () => void;
  onSubmit: (parentId: string | null) => Promise<void>;
};

/** Move a unit under another parent (not under itself or its own sub-units). */
export function UnitMoveDialog({ open, title, parentId, exclude, onClose, onSubmit }: MoveDialogProps) {
  const t = useT();
  const [value, setValue] = useState<string | null>(parentId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setValue(parentId);
      setError(null);
    }
  }, [open, parentId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit(value);
      onClose();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog open={open} title={title} busy={busy} error={error} onClose={onClose} onSubmit={(e) => void submit(e)}>
      <UnitSelect label={t.units.parent} value={value} onChange={setValue} emptyLabel={t.units.noParent} exclude={exclude} />
    </FormDialog>
  );
}
