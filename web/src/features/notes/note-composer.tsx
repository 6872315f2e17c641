import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { isApiError } from '../../app/api-client.js';
import { useLabel, useT } from '../../app/i18n/locale-provider.js';
import { NOTES_TEXT as L } from './notes-labels.js';

type Props = {
  initial?: { body: string; isPrivate: boolean };
  submitText: string;
  onSubmit: (v: { body: string; isPrivate: boolean }) => Promise<unknown>;
  onCancel?: () => void;
};

/** The text and the private switch; shared by «new note» and editing one. Server errors show on the field. */
export function NoteComposer({ initial, submitText, onSubmit, onCancel }: Props) {
  const label = useLabel();
  const t = useT();
  const [body, setBody] = useState(initial?.body ?? '');
  const [isPrivate, setPrivate] = useState(initial?.isPrivate ?? false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ body, isPrivate });
      if (!initial) {
        setBody('');
        setPrivate(false);
      }
    } catch (err) {
      setError(isApiError(err) ? (err.errors.find((e) => e.path === 'body')?.message ?? err.detail ?? err.message) : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" onSubmit={(e) => { e.preventDefault(); void submit(); }} sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <TextField
        label={label(L.body)} placeholder={label(L.placeholder)} value={body} onChange={(e) => setBody(e.target.value)}
        multiline minRows={2} maxRows={10} fullWidth size="small" error={!!error} helperText={error ?? undefined}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <FormControlLabel
          control={<Switch size="small" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} />}
          label={<Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}><LockOutlined fontSize="inherit" />{label(L.private)}</Box>}
        />
        <Box sx={{ flex: 1 }} />
        {onCancel && <Button onClick={onCancel} disabled={busy}>{t.common.cancel}</Button>}
        <Button type="submit" variant="contained" size="small" disabled={busy || !body.trim()}>{submitText}</Button>
      </Box>
      {isPrivate && <Typography variant="caption" color="text.secondary">{label(L.privateHint)}</Typography>}
    </Box>
  );
}
