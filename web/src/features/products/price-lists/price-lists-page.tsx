import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../../app/auth/can.js';
import { errorText, useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../../app/navigation.js';
import { useConfirm } from '../../../components/ui/confirm-dialog.js';
import { ExportMenu } from '../../../components/ui/data-table/export-menu.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { useToast } from '../../../components/ui/toast-provider.js';
import { useProductsT } from '../i18n.js';
import { priceListsApi, productKeys, usePriceLists, type PriceList } from '../products-api.js';
import { PriceListDialog } from './price-list-dialog.js';

/** /price-lists — the lists by channel and role with their validity; a row opens its prices. */
export function PriceListsPage() {
  const t = useT();
  const P = useProductsT();
  const L = P.priceLists;
  const f = useFormat();
  const toast = useToast();
  const confirm = useConfirm();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canCreate = useCan(PERMISSIONS.priceListsCreate);
  const canEdit = useCan(PERMISSIONS.priceListsEdit);
  const canDelete = useCan(PERMISSIONS.priceListsDelete);
  const canExport = useCan(PERMISSIONS.priceListsExport);
  const lists = usePriceLists();
  const [editing, setEditing] = useState<PriceList | 'new' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: productKeys.priceLists });
  const remove = async (p: PriceList) => {
    if (!(await confirm({ title: t.common.delete, message: L.deleteConfirm(p.name), confirmText: t.common.delete, destructive: true }))) return;
    try {
      await priceListsApi.remove(p.id);
      toast.success(t.common.deleted);
    } catch (err) {
      toast.error(errorText(err, t));
    }
    await refresh();
  };
  return (
    <>
      <PageHeader title={L.title} subtitle={L.rule} actions={<>
        {canExport && <ExportMenu url="/api/price-lists/export" query={{}} />}
        {canCreate && <Button variant="contained" onClick={() => setEditing('new')}>{L.create}</Button>}
      </>} />
      {lists.isError && <Alert severity="error">{errorText(lists.error, t)}</Alert>}
      <Card>
        <Table size="small" aria-label={L.title}>
          <TableHead>
            <TableRow>
              <TableCell>{L.name}</TableCell>
              <TableCell>{L.channel}</TableCell>
              <TableCell>{L.role}</TableCell>
              <TableCell>{L.validFrom}</TableCell>
              <TableCell>{L.validTo}</TableCell>
              <TableCell>{L.priority}</TableCell>
              <TableCell>{L.itemCount}</TableCell>
              <TableCell>{t.common.status}</TableCell>
              {(canEdit || canDelete) && <TableCell sx={{ width: 100 }}>{t.common.actions}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {(lists.data ?? []).map((p) => (
              <TableRow key={p.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(`/price-lists/${p.id}`)}>
                <TableCell>{p.name}</TableCell>
                <TableCell>{p.channelName ?? L.anyChannel}</TableCell>
                <TableCell>{p.roleName ?? L.anyRole}</TableCell>
                <TableCell>{p.validFrom ? f.date(p.validFrom) : L.open}</TableCell>
                <TableCell>{p.validTo ? f.date(p.validTo) : L.open}</TableCell>
                <TableCell>{f.number(p.priority)}</TableCell>
                <TableCell>{f.number(p.itemCount)}</TableCell>
                <TableCell><Chip size="small" variant="outlined" color={p.active ? 'success' : 'default'} label={p.active ? t.common.active : t.common.inactive} /></TableCell>
                {(canEdit || canDelete) && (
                  <TableCell onClick={(e) => e.stopPropagation()}>
                    {canEdit && <IconButton size="small" aria-label={`${t.common.edit}: ${p.name}`} onClick={() => setEditing(p)}><EditOutlined fontSize="small" /></IconButton>}
                    {canDelete && <IconButton size="small" aria-label={`${t.common.delete}: ${p.name}`} onClick={() => void remove(p)}><DeleteOutline fontSize="small" /></IconButton>}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      <PriceListDialog editing={editing} onClose={() => setEditing(null)} onSaved={() => void refresh()} />
    </>
  );
}
