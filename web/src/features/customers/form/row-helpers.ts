import type { FormState } from '../../../components/ui/form/use-form-state.js';
import type { AddressRow, ContactRow, CustomerFormValues } from './customer-form-values.js';

type RowsName = 'contacts' | 'addresses';
type RowOf<N extends RowsName> = N extends 'contacts' ? ContactRow : AddressRow;

/**
 * Change one cell of a sub-table. `form.set` clears every error under `contacts.*`; keep the other
 * cells' server errors and drop only the edited cell's.
 */
export function updateRow<N extends RowsName>(form: FormState<CustomerFormValues>, name: N, index: number, patch: Partial<RowOf<N>>) {
  const rows = form.values[name] as RowOf<N>[];
  const primaryOn = (patch as { isPrimary?: boolean }).isPrimary === true;
  const next = rows.map((r, i) => (i === index ? { ...r, ...patch } : primaryOn ? { ...r, isPrimary: false } : r));
  const edited = Object.keys(patch).map((k) => `${name}.${index}.${k}`);
  const kept = Object.fromEntries(Object.entries(form.errors).filter(([k]) => !edited.includes(k) && k !== `${name}.${index}`));
  form.set(name, next as CustomerFormValues[N]);
  form.setErrors(kept);
}

/** Remove a row; errors of later rows move up with them. */
export function removeRow(form: FormState<CustomerFormValues>, name: RowsName, index: number) {
  const rows = form.values[name] as Array<ContactRow | AddressRow>;
  const prefix = `${name}.`;
  const kept: Record<string, string> = {};
  for (const [k, msg] of Object.entries(form.errors)) {
    if (!k.startsWith(prefix)) {
      kept[k] = msg;
      continue;
    }
    const [, idx, ...rest] = k.split('.');
    const i = Number(idx);
    if (i < index) kept[k] = msg;
    else if (i > index) kept[[name, i - 1, ...rest].join('.')] = msg;
  }
  form.set(name, rows.filter((_, i) => i !== index) as CustomerFormValues[typeof name]);
  form.setErrors(kept);
}

/** Append a row without clearing the other rows' errors. */
export function addRow<N extends RowsName>(form: FormState<CustomerFormValues>, name: N, row: RowOf<N>) {
  const kept = form.errors;
  form.set(name, [...(form.values[name] as RowOf<N>[]), row] as CustomerFormValues[N]);
  form.setErrors(kept);
}
