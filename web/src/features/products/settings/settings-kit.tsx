// Shared pieces of the product settings pages: a card with a title and an add button, and a runner
// that shows the server's Persian message and refreshes the list.
import AddOutlined from '@mui/icons-material/AddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Typography from '@mui/material/Typography';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { errorText } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { useToast } from '../../../components/ui/toast-provider.js';

export function SettingsCard({ title, addLabel, onAdd, hint, children }: { title: string; addLabel?: string | undefined; onAdd?: (() => void) | undefined; hint?: string; children: ReactNode }) {
  return (
    <Card sx={{ maxWidth: 900 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', p: 2, gap: 2 }}>
        <Typography variant="h3" component="h2" sx={{ flex: 1 }}>{title}</Typography>
        {onAdd && addLabel && <Button variant="contained" startIcon={<AddOutlined />} onClick={onAdd}>{addLabel}</Button>}
      </Box>
      {hint && <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1 }}>{hint}</Typography>}
      {children}
    </Card>
  );
}

/** Runs a change, toasts the outcome and refetches `key`. */
export function useRunner(key: QueryKey) {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const run = async (job: () => Promise<unknown>, success = t.common.saved) => {
    setBusy(true);
    try {
      await job();
      toast.success(success);
    } catch (err) {
      toast.error(errorText(err, t));
    } finally {
      await queryClient.invalidateQueries({ queryKey: key });
      setBusy(false);
    }
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  return { busy, run, refresh };
}
