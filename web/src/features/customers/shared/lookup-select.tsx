import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useT } from '../../../app/i18n/locale-provider.js';
import { useLookup, type LookupListKey } from '../../settings/lookups-api.js';

type Props = {
  list: LookupListKey;
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** Label of the empty choice (default «—»). */
  emptyLabel?: string;
  name?: string;
  disabled?: boolean;
  error?: boolean;
  helperText?: string | undefined;
  fullWidth?: boolean;
  sx?: object;
};

/** A value of a settings lookup list; inactive values are offered only when already chosen. */
export function LookupSelect({ list, label, value, onChange, emptyLabel, fullWidth = true, ...rest }: Props) {
  const t = useT();
  const values = useLookup(list);
  const options = (values.data ?? []).filter((v) => v.active || v.id === value);
  const known = options.some((o) => o.id === value);
  return (
    <TextField
      select
      label={label}
      value={value && known ? value : ''}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      fullWidth={fullWidth}
      {...rest}
    >
      <MenuItem value="">{emptyLabel ?? t.common.none}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.id} value={o.id}>
          {o.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
