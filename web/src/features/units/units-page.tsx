import AddOutlined from '@mui/icons-material/AddOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Can, useCan } from '../../app/auth/can.js';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../app/navigation.js';
import { useConfirm } from '../../components/ui/confirm-dialog.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { useStaff } from '../staff/staff-api.js';
import { UnitDialog, UnitMoveDialog, type UnitFormValues } from './unit-dialogs.js';
import { UnitTree, type UnitAction } from './unit-tree.js';
import { buildUnitTree, descendantIds, unitsApi, unitsKey, useUnits, type UnitNode } from './units-api.js';

type Editing =
  | { mode: 'add'; parent: UnitNode | null }
  | { mode: 'edit'; node: UnitNode }
  | { mode: 'move'; node: UnitNode }
  | null;

const NEW_UNIT: UnitFormValues = { name: '', kind: 'department', manager: null };

/** /units — the organization tree of branches and departments. */
export function UnitsPage() {
  const t = useT();
  const toast = useToast();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const can = {
    create: useCan(PERMISSIONS.unitsCreate),
    edit: useCan(PERMISSIONS.unitsEdit),
    delete: useCan(PERMISSIONS.unitsDelete),
  };
  const units = useUnits();
  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const [editing, setEditing] = useState<Editing>(null);
  const editedManagerId = editing?.mode === 'edit' && !editing.node.managerName ? (editing.node.managerId ?? undefined) : undefined;
  const manager = useStaff(editedManagerId);

  const refresh = () => queryClient.invalidateQueries({ queryKey: unitsKey });
  const close = () => setEditing(null);

  const onAction = async (action: UnitAction, node: UnitNode) => {
    if (action === 'add') return setEditing({ mode: 'add', parent: node });
    if (action === 'edit') return setEditing({ mode: 'edit', node });
    if (action === 'move') return setEditing({ mode: 'move', node });
    const ok = await confirm({ title: t.common.delete, message: t.units.deleteConfirm(node.name), confirmText: t.common.delete, destructive: true });
    if (!ok) return;
    try {
      await unitsApi.remove(node.id);
      await refresh();
      toast.success(t.common.deleted);
    } catch (err) {
      toast.error(errorText(err, t));
    }
  };

  const dialogInitial = useMemo<UnitFormValues>(() => {
    if (editing?.mode === 'edit') {
      const n = editing.node;
      const managerName = n.managerName ?? manager.data?.fullName ?? '';
      return { name: n.name, kind: n.kind, manager: n.managerId ? { id: n.managerId, name: managerName } : null };
    }
    return { ...NEW_UNIT, kind: editing?.mode === 'add' && !editing.parent ? 'branch' : 'department' };
  }, [editing, manager.data]);

  const dialogTitle =
    editing?.mode === 'add' ? (editing.parent ? `${t.units.addChild}: ${editing.parent.name}` : t.units.newRoot) : editing?.mode === 'edit' ? t.units.rename : '';

  return (
    <>
      <PageHeader
        title={t.units.title}
        actions={
          <Can permission={PERMISSIONS.unitsCreate}>
            <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing({ mode: 'add', parent: null })}>
              {t.units.newRoot}
            </Button>
          </Can>
        }
      />
      <Card>
        <CardContent>
          {units.isPending && <Skeleton variant="rounded" height={200} />}
          {units.isError && <Alert severity="error">{errorText(units.error, t)}</Alert>}
          {units.isSuccess && tree.length === 0 && <Typography color="text.secondary">{t.units.empty}</Typography>}
          <UnitTree nodes={tree} can={can} onAction={(a, n) => void onAction(a, n)} label={t.units.title} />
        </CardContent>
      </Card>
      <UnitDialog
        open={editing?.mode === 'add' || editing?.mode === 'edit'}
        title={dialogTitle}
        initial={dialogInitial}
        onClose={close}
        onSubmit={async (v) => {
          const body = { name: v.name, kind: v.kind, managerId: v.manager?.id ?? null };
          if (editing?.mode === 'edit') await unitsApi.update(editing.node.id, body);
          else await unitsApi.create({ ...body, parentId: editing?.mode === 'add' ? (editing.parent?.id ?? null) : null });
          await refresh();
          toast.success(t.common.saved);
        }}
      />
      <UnitMoveDialog
        open={editing?.mode === 'move'}
        title={editing?.mode === 'move' ? t.units.moveTitle(editing.node.name) : ''}
        parentId={editing?.mode === 'move' ? editing.node.parentId : null}
        exclude={editing?.mode === 'move' ? descendantIds(editing.node) : new Set()}
        onClose={close}
        onSubmit={async (parentId) => {
          if (editing?.mode !== 'move') return;
          await unitsApi.update(editing.node.id, { parentId });
          await refresh();
          toast.success(t.common.saved);
        }}
      />
    </>
  );
}
