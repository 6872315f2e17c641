// Shared pieces of the product settings pages: a card with a title and an add button, and a runner
// that shows the server's Persian message and refreshes the list.
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import IconButton from '@mui/material/IconButton';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { errorText } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { useConfirm } from '../../../components/ui/confirm-dialog.js';
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

/** A row's active switch, labelled with the row's name for screen readers. */
export function ActiveSwitch({ name, active, disabled, onToggle }: { name: string; active: boolean; disabled: boolean; onToggle: () => void }) {
  const t = useT();
  return <Switch size="small" checked={active} disabled={disabled} onChange={onToggle} slotProps={{ input: { 'aria-label': `${t.common.active}: ${name}` } }} />;
}

/** A row's edit and delete buttons; delete asks first. */
export function EditDeleteButtons({ name, busy, onEdit, onDelete }: { name: string; busy: boolean; onEdit: () => void; onDelete: () => Promise<void> }) {
  const t = useT();
  const confirm = useConfirm();
  return (
    <>
      <IconButton size="small" aria-label={`${t.common.edit}: ${name}`} onClick={onEdit}><EditOutlined fontSize="small" /></IconButton>
      <IconButton size="small" aria-label={`${t.common.delete}: ${name}`} disabled={busy} onClick={async () => {
        if (await confirm({ title: t.common.delete, message: name, confirmText: t.common.delete, destructive: true })) await onDelete();
      }}><DeleteOutline fontSize="small" /></IconButton>
    </>
  );
}
