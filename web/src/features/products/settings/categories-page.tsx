import AddOutlined from '@mui/icons-material/AddOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import FolderOutlined from '@mui/icons-material/FolderOutlined';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import { useCan } from '../../../app/auth/can.js';
import { errorText, useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../../app/navigation.js';
import { FormDialog } from '../../../components/ui/form-dialog.js';
import { useFormState } from '../../../components/ui/form/use-form-state.js';
import { useProductsT } from '../i18n.js';
import { catalogApi, productKeys, useCategories, type Category } from '../products-api.js';
import { CategorySelect, treeOrder } from '../shared-selects.js';
import { ActiveSwitch, EditDeleteButtons, SettingsCard, useRunner } from './settings-kit.js';

const categoriesApi = catalogApi('product-categories');
type Editing = { category: Category | null; parentId: string | null } | null;

/** /settings/product-categories — the category tree: add, rename, move (with its subtree), deactivate, delete. */
export function ProductCategoriesPage() {
  const t = useT();
  const P = useProductsT();
  const f = useFormat();
  const canEdit = useCan(PERMISSIONS.productsEdit);
  const categories = useCategories();
  const { busy, run } = useRunner(productKeys.categories);
  const [editing, setEditing] = useState<Editing>(null);
  const S = P.settings;
  return (
    <SettingsCard title={S.categories} addLabel={S.addCategory} onAdd={canEdit ? () => setEditing({ category: null, parentId: null }) : undefined}>
      <Table size="small" aria-label={S.categories}>
        <TableHead>
          <TableRow>
            <TableCell>{S.categoryName}</TableCell>
            <TableCell sx={{ width: 110 }}>{S.productCount}</TableCell>
            <TableCell sx={{ width: 90 }}>{t.common.active}</TableCell>
            {canEdit && <TableCell sx={{ width: 150 }}>{t.common.actions}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {treeOrder(categories.data ?? []).map((c) => (
            <TableRow key={c.id} hover>
              <TableCell>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, pl: c.depth * 3, color: c.active ? 'text.primary' : 'text.disabled' }}>
                  <FolderOutlined fontSize="small" color="action" />
                  {c.name}
                </Box>
              </TableCell>
              <TableCell>{f.number(c.productCount)}</TableCell>
              <TableCell>
                <ActiveSwitch name={c.name} active={c.active} disabled={!canEdit || busy} onToggle={() => void run(() => categoriesApi.update(c.id, { active: !c.active }))} />
              </TableCell>
              {canEdit && (
                <TableCell>
                  <IconButton size="small" aria-label={`${S.addChild}: ${c.name}`} onClick={() => setEditing({ category: null, parentId: c.id })}><AddOutlined fontSize="small" /></IconButton>
                  <EditDeleteButtons name={c.name} busy={busy} onEdit={() => setEditing({ category: c, parentId: c.parentId })} onDelete={() => run(() => categoriesApi.remove(c.id), t.common.deleted)} />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <CategoryDialog editing={editing} onClose={() => setEditing(null)} />
    </SettingsCard>
  );
}

function CategoryDialog({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const t = useT();
  const P = useProductsT();
  const form = useFormState<{ name: string; parentId: string | null }>({ name: '', parentId: null });
  const { refresh } = useRunner(productKeys.categories);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { reset } = form;
  useEffect(() => {
    if (editing) reset({ name: editing.category?.name ?? '', parentId: editing.parentId });
    setError(null);
  }, [editing, reset]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      if (editing?.category) await categoriesApi.update(editing.category.id, form.values);
      else await categoriesApi.create(form.values);
      await refresh();
      onClose();
    } catch (err) {
      if (!form.applyServerErrors(err)) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog open={editing !== null} title={editing?.category ? t.common.edit : P.settings.addCategory} busy={busy} error={error} onClose={onClose} onSubmit={(e) => void submit(e)}>
      <TextField {...form.text('name')} label={P.settings.categoryName} required autoFocus />
      <CategorySelect label={P.settings.parent} emptyLabel={P.settings.topLevel} value={form.values.parentId} onChange={(v) => form.set('parentId', v)}
        error={Boolean(form.errorOf('parentId'))} helperText={form.errorOf('parentId')} {...(editing?.category ? { excludePath: editing.category.path } : {})} />
    </FormDialog>
  );
}
