import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../../app/auth/can.js';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../app/navigation.js';
import { useConfirm } from '../../components/ui/confirm-dialog.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { NameDialog } from './name-dialog.js';
import { jobPositionsApi, jobPositionsKey, useJobPositions, type JobPosition } from './job-positions-api.js';

/** /settings/job-positions — the job titles (سمت) staff can hold. */
export function JobPositionsPage() {
  const t = useT();
  const toast = useToast();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const canEdit = useCan(PERMISSIONS.settingsEdit);
  const positions = useJobPositions();
  const [editing, setEditing] = useState<JobPosition | 'new' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: jobPositionsKey });

  const remove = async (p: JobPosition) => {
    const ok = await confirm({ title: t.common.delete, message: t.jobPositions.deleteConfirm(p.name), confirmText: t.common.delete, destructive: true });
    if (!ok) return;
    try {
      await jobPositionsApi.remove(p.id);
      await refresh();
      toast.success(t.common.deleted);
    } catch (err) {
      toast.error(errorText(err, t));
    }
  };

  return (
    <Card sx={{ maxWidth: 720 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', p: 2 }}>
        <Typography variant="h3" component="h2" sx={{ flex: 1 }}>
          {t.jobPositions.title}
        </Typography>
        {canEdit && (
          <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing('new')}>
            {t.jobPositions.create}
          </Button>
        )}
      </Box>
      {positions.isPending && <Skeleton variant="rectangular" height={120} />}
      {positions.isError && <Alert severity="error">{errorText(positions.error, t)}</Alert>}
      {positions.isSuccess && positions.data.length === 0 && (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          {t.roles.empty}
        </Typography>
      )}
      <List aria-label={t.jobPositions.title}>
        {(positions.data ?? []).map((p) => (
          <ListItem
            key={p.id}
            divider
            secondaryAction={
              canEdit && (
                <>
                  <IconButton aria-label={`${t.common.edit}: ${p.name}`} onClick={() => setEditing(p)}>
                    <EditOutlined fontSize="small" />
                  </IconButton>
                  <IconButton aria-label={`${t.common.delete}: ${p.name}`} onClick={() => void remove(p)}>
                    <DeleteOutline fontSize="small" />
                  </IconButton>
                </>
              )
            }
          >
            <ListItemText primary={p.name} />
          </ListItem>
        ))}
      </List>
      <NameDialog
        open={editing !== null}
        title={editing === 'new' ? t.jobPositions.create : t.common.edit}
        label={t.jobPositions.name}
        initial={editing && editing !== 'new' ? editing.name : ''}
        onClose={() => setEditing(null)}
        onSubmit={async (name) => {
          if (editing && editing !== 'new') await jobPositionsApi.update(editing.id, name);
          else await jobPositionsApi.create(name);
          await refresh();
          toast.success(t.common.saved);
        }}
      />
    </Card>
  );
}
