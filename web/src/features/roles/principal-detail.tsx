import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../../app/auth/can.js';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../app/navigation.js';
import { useConfirm } from '../../components/ui/confirm-dialog.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { GroupMembers } from './group-members.js';
import { PermissionMatrix } from './permission-matrix.js';
import { PrincipalDialog } from './principal-dialog.js';
import { principalApi, principalKeys, type Principal, type PrincipalKind } from './roles-api.js';

type Props = { kind: PrincipalKind; principal: Principal; onDeleted: () => void };

export function PrincipalDetail({ kind, principal, onDeleted }: Props) {
  const t = useT();
  const toast = useToast();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const canEdit = useCan(PERMISSIONS.rolesEdit);
  const canDelete = useCan(PERMISSIONS.rolesDelete);
  const [editing, setEditing] = useState(false);
  const isRoles = kind === 'roles';
  const system = Boolean(principal.isSystem);

  const remove = async () => {
    const ok = await confirm({ title: t.common.delete, message: t.roles.deleteConfirm(principal.name), confirmText: t.common.delete, destructive: true });
    if (!ok) return;
    try {
      await principalApi.remove(kind, principal.id);
      await queryClient.invalidateQueries({ queryKey: principalKeys.list(kind) });
      toast.success(t.common.deleted);
      onDeleted();
    } catch (err) {
      toast.error(errorText(err, t));
    }
  };

  return (
    <Stack spacing={2}>
      <Card>
        <CardContent sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap' }}>
          <Box sx={{ flex: 1, minWidth: 200 }}>
            <Typography variant="h2" component="h2" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              {principal.name}
              {system && <Chip size="small" label={t.roles.system} variant="outlined" />}
            </Typography>
            {principal.description && (
              <Typography color="text.secondary" sx={{ mt: 0.5 }}>
                {principal.description}
              </Typography>
            )}
          </Box>
          {(canEdit || canDelete) && (
            <Box sx={{ display: 'flex', gap: 1 }}>
              {canEdit && (
                <Button variant="outlined" onClick={() => setEditing(true)}>
                  {t.common.edit}
                </Button>
              )}
              {canDelete && !system && (
                <Button variant="outlined" color="error" onClick={() => void remove()}>
                  {t.common.delete}
                </Button>
              )}
            </Box>
          )}
        </CardContent>
      </Card>
      {!isRoles && <GroupMembers groupId={principal.id} readOnly={!canEdit} />}
      <PermissionMatrix kind={kind} principalId={principal.id} readOnly={!canEdit} />
      <PrincipalDialog
        open={editing}
        title={isRoles ? t.roles.editRole : t.roles.editGroup}
        initial={principal}
        onClose={() => setEditing(false)}
        onSubmit={async (input) => {
          await principalApi.update(kind, principal.id, input);
          await queryClient.invalidateQueries({ queryKey: principalKeys.list(kind) });
          toast.success(t.common.saved);
        }}
      />
    </Stack>
  );
}
