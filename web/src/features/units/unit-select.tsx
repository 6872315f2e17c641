import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useMemo } from 'react';
import { buildUnitTree, flattenUnitTree, useUnits } from './units-api.js';

type UnitSelectProps = {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** Label of the empty choice; omit to require a unit. */
  emptyLabel?: string;
  /** Units that may not be chosen (a unit's own subtree when moving it). */
  exclude?: ReadonlySet<string>;
  disabled?: boolean;
  error?: boolean;
  helperText?: string | undefined;
  name?: string;
  fullWidth?: boolean;
  sx?: object;
};

/** The unit tree as an indented select. */
export function UnitSelect({ label, value, onChange, emptyLabel, exclude, fullWidth = true, ...rest }: UnitSelectProps) {
  const units = useUnits();
  const rows = useMemo(() => flattenUnitTree(buildUnitTree(units.data ?? [])), [units.data]);
  const known = rows.some((r) => r.id === value);
  return (
    <TextField
      select
      label={label}
      value={value && known ? value : ''}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      fullWidth={fullWidth}
      {...rest}
    >
      {emptyLabel !== undefined && <MenuItem value="">{emptyLabel}</MenuItem>}
      {rows.map((u) => (
        <MenuItem key={u.id} value={u.id} disabled={exclude?.has(u.id)} sx={{ pl: 2 + u.depth * 2 }}>
          {u.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
