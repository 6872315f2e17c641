import ClickAwayListener from '@mui/material/ClickAwayListener';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Paper from '@mui/material/Paper';
import Popper from '@mui/material/Popper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useDebouncedValue } from '../../app/hooks/use-debounced-value.js';
import { useLabel } from '../../app/i18n/locale-provider.js';
import { WALL_TEXT as L } from './wall-labels.js';
import { wallApi, wallKeys, type Mentionable } from './wall-api.js';

// «@» being typed at the caret: after the start or a non-letter, as the server reads mentions.
const TYPING = /(^|[^\p{L}\p{N}._@-])@([a-zA-Z0-9._-]{0,50})$/u;

type Props = {
  customerId: string;
  value: string;
  onChange: (v: string) => void;
  label: string;
  placeholder?: string;
  error?: string | null;
  minRows?: number;
  autoFocus?: boolean;
};

/**
 * A message box with an @ autocomplete of the colleagues who can see the customer (others would be
 * refused by the server). Arrow keys choose, Enter or Tab inserts `@username `.
 */
export function MentionInput({ customerId, value, onChange, label, placeholder, error, minRows = 2, autoFocus }: Props) {
  const text = useLabel();
  const input = useRef<HTMLTextAreaElement | null>(null);
  const anchor = useRef<HTMLDivElement | null>(null);
  const [token, setToken] = useState<{ start: number; end: number; q: string } | null>(null);
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(token?.q ?? '', 150);
  const people = useQuery({
    queryKey: wallKeys.mentionable(customerId, q),
    queryFn: () => wallApi.mentionable(customerId, q),
    enabled: token !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = token ? (people.data?.items ?? []) : [];
  const open = token !== null && (options.length > 0 || people.isSuccess);

  const track = (v: string, caret: number | null) => {
    const at = caret ?? v.length;
    const m = v.slice(0, at).match(TYPING);
    setToken(m ? { start: at - m[2]!.length - 1, end: at, q: m[2]! } : null);
    setActive(0);
  };

  const pick = (p: Mentionable) => {
    if (!token) return;
    const inserted = `@${p.username} `;
    const next = value.slice(0, token.start) + inserted + value.slice(token.end);
    onChange(next);
    setToken(null);
    const caret = token.start + inserted.length;
    requestAnimationFrame(() => { input.current?.focus(); input.current?.setSelectionRange(caret, caret); });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!open || !options.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      pick(options[active] ?? options[0]!);
    } else if (e.key === 'Escape') {
      setToken(null);
    }
  };

  return (
    <ClickAwayListener onClickAway={() => setToken(null)}>
      <div ref={anchor}>
        <TextField
          inputRef={input} label={label} placeholder={placeholder} value={value} multiline minRows={minRows} maxRows={10} fullWidth size="small"
          autoFocus={autoFocus} error={!!error} helperText={error ?? undefined}
          onChange={(e) => { onChange(e.target.value); track(e.target.value, e.target.selectionStart); }}
          onKeyDown={onKeyDown}
          onClick={(e) => track(value, (e.target as HTMLTextAreaElement).selectionStart)}
          slotProps={{ htmlInput: { 'aria-autocomplete': 'list', 'aria-expanded': open } }}
        />
        <Popper open={open} anchorEl={anchor.current} placement="bottom-start" sx={{ zIndex: 1400, width: anchor.current?.clientWidth ?? 320, maxWidth: 360 }}>
          <Paper elevation={8}>
            <List dense role="listbox" aria-label={text(L.mentionList)} subheader={<ListSubheader component="div">{text(L.mentionList)}</ListSubheader>} sx={{ maxHeight: 260, overflow: 'auto' }}>
              {options.map((p, i) => (
                <ListItemButton key={p.userId} role="option" aria-selected={i === active} selected={i === active}
                  onMouseDown={(e) => e.preventDefault()} onClick={() => pick(p)}>
                  <ListItemText primary={p.name} secondary={<bdi dir="ltr">@{p.username}</bdi>} />
                </ListItemButton>
              ))}
              {options.length === 0 && <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>{text(L.noOne)}</Typography>}
            </List>
          </Paper>
        </Popper>
      </div>
    </ClickAwayListener>
  );
}
