import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { useState } from 'react';

type Props = {
  label: string;
  value: string[];
  onChange: (tags: string[]) => void;
  helperText?: string | undefined;
  error?: boolean;
  disabled?: boolean;
  suggestions?: string[];
};

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Free-text tags as chips: Enter, comma or «،» adds one; leaving the field keeps what was typed. */
export function TagsInput({ label, value, onChange, helperText, error, disabled, suggestions = [] }: Props) {
  const [input, setInput] = useState('');
  const add = (raw: string) => {
    const parts = raw.split(/[,،]/).map(clean).filter(Boolean);
    const next = [...value];
    for (const p of parts) if (!next.includes(p)) next.push(p);
    if (next.length !== value.length) onChange(next);
    setInput('');
  };
  return (
    <Autocomplete<string, true, false, true>
      multiple
      freeSolo
      options={suggestions.filter((s) => !value.includes(s))}
      value={value}
      inputValue={input}
      onInputChange={(_e, v, reason) => {
        if (reason === 'reset') return;
        if (/[,،]/.test(v)) add(v);
        else setInput(v);
      }}
      onChange={(_e, v) => onChange([...new Set(v.map(clean).filter(Boolean))])}
      onBlur={() => input.trim() && add(input)}
      disabled={disabled ?? false}
      renderValue={(tags, getItemProps) =>
        tags.map((tag, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={tag} {...itemProps} />;
        })
      }
      renderInput={(params) => <TextField {...params} label={label} helperText={helperText} error={error ?? false} />}
    />
  );
}
