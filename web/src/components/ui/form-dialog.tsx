import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import type { FormEvent, ReactNode } from 'react';
import { useT } from '../../app/i18n/locale-provider.js';

export type FormDialogProps = {
  open: boolean;
  title: string;
  busy: boolean;
  /** A message not tied to one field (field errors show under their inputs). */
  error: string | null;
  onClose: () => void;
  onSubmit: (e: FormEvent) => void;
  maxWidth?: 'xs' | 'sm' | 'md';
  children: ReactNode;
};

/** The dialog every small form uses: title, an error line, the fields, cancel and save. */
export function FormDialog({ open, title, busy, error, onClose, onSubmit, maxWidth = 'xs', children }: FormDialogProps) {
  const t = useT();
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth={maxWidth} fullWidth>
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && <Alert severity="error">{error}</Alert>}
            {children}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t.common.cancel}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t.common.save}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
