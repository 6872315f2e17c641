import AddOutlined from '@mui/icons-material/AddOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Can } from '../../app/auth/can.js';
import { errorText, useFormat } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../app/navigation.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { PrincipalDetail } from './principal-detail.js';
import { PrincipalDialog } from './principal-dialog.js';
import { principalApi, principalKeys, usePrincipals, type PrincipalKind } from './roles-api.js';

type Props = { kind: PrincipalKind; selectedId: string | null; onSelect: (id: string | null) => void };

export function PrincipalsPanel({ kind, selectedId, onSelect }: Props) {
  const t = useT();
  const f = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const list = usePrincipals(kind);
  const [creating, setCreating] = useState(false);
  const isRoles = kind === 'roles';
  const selected = list.data?.find((p) => p.id === selectedId);

  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 4, lg: 3 }}>
        <Card>
          <Box sx={{ display: 'flex', alignItems: 'center', p: 1.5, gap: 1 }}>
            <Typography variant="h4" component="h2" sx={{ flex: 1 }}>
              {isRoles ? t.roles.rolesTab : t.roles.groupsTab}
            </Typography>
            <Can permission={PERMISSIONS.rolesCreate}>
              <Button size="small" variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>
                {isRoles ? t.roles.newRole : t.roles.newGroup}
              </Button>
            </Can>
          </Box>
          {list.isPending && <Skeleton variant="rectangular" height={160} />}
          {list.isError && <Alert severity="error">{errorText(list.error, t)}</Alert>}
          {list.isSuccess && list.data.length === 0 && (
            <Typography color="text.secondary" sx={{ p: 2 }}>
              {t.roles.empty}
            </Typography>
          )}
          <List dense aria-label={isRoles ? t.roles.rolesTab : t.roles.groupsTab}>
            {(list.data ?? []).map((p) => (
              <ListItemButton key={p.id} selected={p.id === selectedId} onClick={() => onSelect(p.id)}>
                <ListItemText
                  primary={
                    <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                      {p.name}
                      {p.isSystem && <Chip size="small" label={t.roles.system} variant="outlined" />}
                    </Box>
                  }
                  secondary={t.roles.memberCount(f.number(p.memberCount ?? 0))}
                />
              </ListItemButton>
            ))}
          </List>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, md: 8, lg: 9 }}>
        {selected ? (
          <PrincipalDetail key={selected.id} kind={kind} principal={selected} onDeleted={() => onSelect(null)} />
        ) : (
          <Card sx={{ p: 4, textAlign: 'center' }}>
            <Typography color="text.secondary">{t.roles.selectOne}</Typography>
          </Card>
        )}
      </Grid>
      <PrincipalDialog
        open={creating}
        title={isRoles ? t.roles.newRole : t.roles.newGroup}
        onClose={() => setCreating(false)}
        onSubmit={async (input) => {
          const created = await principalApi.create(kind, input);
          await queryClient.invalidateQueries({ queryKey: principalKeys.list(kind) });
          toast.success(t.common.saved);
          if (created?.id) onSelect(created.id);
        }}
      />
    </Grid>
  );
}
