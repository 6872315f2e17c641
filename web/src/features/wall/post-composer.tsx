import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { isApiError } from '../../app/api-client.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { MentionInput } from './mention-input.js';

type Props = {
  customerId: string;
  label: string;
  placeholder?: string;
  submitText: string;
  initial?: string;
  autoFocus?: boolean;
  minRows?: number;
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
};

/** Writing a post, a reply or an edit; a refused mention («… به این مشتری دسترسی ندارد») shows under the box. */
export function PostComposer({ customerId, label, placeholder, submitText, initial = '', autoFocus, minRows, onSubmit, onCancel }: Props) {
  const t = useT();
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(body);
      setBody('');
    } catch (err) {
      setError(isApiError(err) ? (err.errors.find((e) => e.path === 'body')?.message ?? err.detail ?? err.message) : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={(e) => { e.preventDefault(); void submit(); }} sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <MentionInput customerId={customerId} value={body} onChange={setBody} label={label} placeholder={placeholder} error={error} autoFocus={autoFocus} minRows={minRows} />
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1 }}>
        {onCancel && <Button size="small" onClick={onCancel} disabled={busy}>{t.common.cancel}</Button>}
        <Button type="submit" size="small" variant="contained" disabled={busy || !body.trim()}>{submitText}</Button>
      </Box>
    </Box>
  );
}
