import AddOutlined from '@mui/icons-material/AddOutlined';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import IconButton from '@mui/material/IconButton';
import Skeleton from '@mui/material/Skeleton';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../../app/auth/can.js';
import { errorText, useFormat } from '../../app/format.js';
import { useLabel, useT } from '../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../app/navigation.js';
import { useConfirm } from '../../components/ui/confirm-dialog.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { lookupKey, lookupsApi, useLookup, type LookupValue } from './lookups-api.js';
import { NameDialog } from './name-dialog.js';

type Props = { list: string; title: { fa: string; en: string } };

/** One configurable list (شیوه‌های آشنایی، انواع سازمان…): add, rename, reorder, (de)activate, delete. */
export function LookupListPage({ list, title }: Props) {
  const t = useT();
  const f = useFormat();
  const label = useLabel();
  const toast = useToast();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const canEdit = useCan(PERMISSIONS.settingsEdit);
  const values = useLookup(list);
  const [editing, setEditing] = useState<LookupValue | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: lookupKey(list) });
  const rows = values.data ?? [];
  const heading = label(title);

  const run = async (job: () => Promise<unknown>, success?: string) => {
    setBusy(true);
    try {
      await job();
      if (success) toast.success(success);
    } catch (err) {
      toast.error(errorText(err, t));
    } finally {
      await refresh();
      setBusy(false);
    }
  };

  // Moving renumbers the list 0..n-1 and saves the values whose position changed.
  const move = (index: number, delta: -1 | 1) =>
    run(async () => {
      const next = [...rows];
      const [item] = next.splice(index, 1);
      if (!item) return;
      next.splice(index + delta, 0, item);
      for (const [i, v] of next.entries()) {
        if (v.sortOrder !== i) await lookupsApi.update(list, v.id, { name: v.name, sortOrder: i, active: v.active });
      }
    });

  const toggle = (v: LookupValue) => run(() => lookupsApi.update(list, v.id, { name: v.name, sortOrder: v.sortOrder, active: !v.active }), t.common.saved);

  const remove = async (v: LookupValue) => {
    const ok = await confirm({ title: t.common.delete, message: t.lookups.deleteConfirm(v.name), confirmText: t.common.delete, destructive: true });
    if (ok) await run(() => lookupsApi.remove(list, v.id), t.common.deleted);
  };

  return (
    <Card sx={{ maxWidth: 760 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', p: 2, gap: 2 }}>
        <Typography variant="h3" component="h2" sx={{ flex: 1 }}>
          {heading}
        </Typography>
        {canEdit && (
          <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing('new')}>
            {t.lookups.create}
          </Button>
        )}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1 }}>
        {t.lookups.hint}
      </Typography>
      {values.isPending && <Skeleton variant="rectangular" height={160} />}
      {values.isError && <Alert severity="error">{errorText(values.error, t)}</Alert>}
      {values.isSuccess && rows.length === 0 && (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          {t.lookups.empty}
        </Typography>
      )}
      {rows.length > 0 && (
        <Table size="small" aria-label={heading}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 110 }}>{t.lookups.sortOrder}</TableCell>
              <TableCell>{t.lookups.name}</TableCell>
              <TableCell sx={{ width: 90 }}>{t.common.active}</TableCell>
              {canEdit && <TableCell sx={{ width: 110 }}>{t.common.actions}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((v, i) => (
              <TableRow key={v.id} hover>
                <TableCell>
                  {canEdit ? (
                    <>
                      <IconButton size="small" aria-label={`${t.lookups.moveUp}: ${v.name}`} disabled={busy || i === 0} onClick={() => void move(i, -1)}>
                        <ArrowUpward fontSize="small" />
                      </IconButton>
                      <IconButton size="small" aria-label={`${t.lookups.moveDown}: ${v.name}`} disabled={busy || i === rows.length - 1} onClick={() => void move(i, 1)}>
                        <ArrowDownward fontSize="small" />
                      </IconButton>
                    </>
                  ) : (
                    f.digits(i + 1)
                  )}
                </TableCell>
                <TableCell sx={{ color: v.active ? 'text.primary' : 'text.disabled' }}>{v.name}</TableCell>
                <TableCell>
                  <Switch
                    size="small"
                    checked={v.active}
                    disabled={!canEdit || busy}
                    onChange={() => void toggle(v)}
                    slotProps={{ input: { 'aria-label': `${t.common.active}: ${v.name}` } }}
                  />
                </TableCell>
                {canEdit && (
                  <TableCell>
                    <IconButton size="small" aria-label={`${t.common.edit}: ${v.name}`} onClick={() => setEditing(v)}>
                      <EditOutlined fontSize="small" />
                    </IconButton>
                    <IconButton size="small" aria-label={`${t.common.delete}: ${v.name}`} disabled={busy} onClick={() => void remove(v)}>
                      <DeleteOutline fontSize="small" />
                    </IconButton>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <NameDialog
        open={editing !== null}
        title={editing === 'new' ? t.lookups.create : t.common.edit}
        label={t.lookups.name}
        initial={editing && editing !== 'new' ? editing.name : ''}
        onClose={() => setEditing(null)}
        onSubmit={async (name) => {
          if (editing && editing !== 'new') await lookupsApi.update(list, editing.id, { name, sortOrder: editing.sortOrder, active: editing.active });
          else await lookupsApi.create(list, { name, sortOrder: rows.length ? Math.max(...rows.map((r) => r.sortOrder)) + 1 : 0, active: true });
          await refresh();
          toast.success(t.common.saved);
        }}
      />
    </Card>
  );
}

export const CUSTOMER_SOURCES_TITLE = { fa: 'شیوه‌های آشنایی', en: 'Customer sources' };
export const ORGANIZATION_TYPES_TITLE = { fa: 'انواع سازمان', en: 'Organization types' };

/** /settings/customer-sources */
export function CustomerSourcesPage() {
  return <LookupListPage list="customerSource" title={CUSTOMER_SOURCES_TITLE} />;
}

/** /settings/organization-types */
export function OrganizationTypesPage() {
  return <LookupListPage list="organizationType" title={ORGANIZATION_TYPES_TITLE} />;
}
