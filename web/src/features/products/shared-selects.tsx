import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { Category } from './products-api.js';
import { useCategories, useTaxClasses, useUnits } from './products-api.js';
import { useProductsT } from './i18n.js';

type SelectProps = {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  emptyLabel?: string;
  /** Hide the empty choice (a required field). */
  required?: boolean;
  name?: string;
  disabled?: boolean;
  error?: boolean;
  helperText?: string | undefined;
  sx?: object;
  /** Leave out this category and its subtree (moving a category). */
  excludePath?: string;
};

/** Categories in tree order (parents before children), each with its depth. */
export function treeOrder(rows: Category[]): Category[] {
  const byParent = new Map<string | null, Category[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const out: Category[] = [];
  const walk = (parent: string | null) => {
    for (const c of byParent.get(parent) ?? []) {
      out.push(c);
      walk(c.id);
    }
  };
  walk(null);
  return out;
}

function Select({ label, value, onChange, emptyLabel, required, options, ...rest }: Omit<SelectProps, 'excludePath'> & { options: { id: string; label: string; depth?: number; disabled?: boolean }[] }) {
  const P = useProductsT();
  const known = options.some((o) => o.id === value);
  return (
    <TextField select label={label} value={value && known ? value : ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} required={required} fullWidth {...rest}>
      {!required && <MenuItem value="">{emptyLabel ?? P.none}</MenuItem>}
      {options.map((o) => (
        <MenuItem key={o.id} value={o.id} disabled={o.disabled} sx={{ pl: 2 + (o.depth ?? 0) * 2.5 }}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** A category from the tree, indented by depth; inactive ones only when already chosen. */
export function CategorySelect({ excludePath, ...props }: SelectProps) {
  const categories = useCategories();
  const options = treeOrder(categories.data ?? [])
    .filter((c) => (c.active || c.id === props.value) && !(excludePath && c.path.startsWith(excludePath)))
    .map((c) => ({ id: c.id, label: c.name, depth: c.depth }));
  return <Select {...props} options={options} />;
}

export function UnitSelect(props: SelectProps) {
  const units = useUnits();
  const options = (units.data ?? []).filter((u) => u.active || u.id === props.value).map((u) => ({ id: u.id, label: u.name }));
  return <Select {...props} options={options} />;
}

export function TaxClassSelect(props: SelectProps) {
  const classes = useTaxClasses();
  const options = (classes.data ?? []).filter((c) => c.active || c.id === props.value).map((c) => ({ id: c.id, label: c.name }));
  return <Select {...props} options={options} />;
}
