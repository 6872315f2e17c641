import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { errorText, useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { useToast } from '../../../components/ui/toast-provider.js';
import { StaffAutocomplete, type StaffRef } from '../../staff/staff-autocomplete.js';
import { customerKeys, customersApi } from '../customers-api.js';

type Props = { open: boolean; ids: readonly string[]; onClose: () => void };

/** «تخصیص به کارشناس»: one owner (or none) for all selected customers. */
export function AssignDialog({ open, ids, onClose }: Props) {
  const t = useT();
  const f = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [owner, setOwner] = useState<StaffRef | null>(null);
  const [remove, setRemove] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setOwner(null);
      setRemove(false);
      setError(null);
    }
  }, [open]);

  const submit = async () => {
    if (!remove && !owner) return setError(t.common.required);
    setBusy(true);
    try {
      const r = await customersApi.assign([...ids], remove ? null : (owner?.id ?? null));
      toast.success(t.customers.assigned(f.number(r.updated)));
      if (r.notFound > 0) toast.warning(t.customers.assignNotFound(f.number(r.notFound)));
      void queryClient.invalidateQueries({ queryKey: ['table', 'customers'] });
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      onClose();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{t.customers.assignTitle}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {t.customers.assignCount(f.number(ids.length))}
          </Typography>
          {error && <Alert severity="error">{error}</Alert>}
          <StaffAutocomplete label={t.customers.assignee} value={owner} onChange={(v) => { setOwner(v); setError(null); }} disabled={remove} />
          <FormControlLabel control={<Checkbox checked={remove} onChange={(e) => { setRemove(e.target.checked); setError(null); }} />} label={t.customers.removeOwner} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t.common.cancel}
        </Button>
        <Button variant="contained" onClick={() => void submit()} disabled={busy}>
          {t.customers.assignSubmit}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
