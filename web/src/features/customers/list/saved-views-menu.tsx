import BookmarkBorderOutlined from '@mui/icons-material/BookmarkBorderOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import SaveOutlined from '@mui/icons-material/SaveOutlined';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { useConfirm } from '../../../components/ui/confirm-dialog.js';
import { useToast } from '../../../components/ui/toast-provider.js';
import { NameDialog } from '../../settings/name-dialog.js';
import { savedViewsApi, savedViewsKey, type SavedView, type SavedViewConfig } from '../customers-api.js';

type Props = { list: string; currentConfig: () => SavedViewConfig; onApply: (view: SavedView) => void };

/** «نماهای ذخیره‌شده»: the user's own named filter/sort/column sets of a list. */
export function SavedViewsMenu({ list, currentConfig, onApply }: Props) {
  const t = useT();
  const toast = useToast();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [naming, setNaming] = useState(false);
  const views = useQuery({ queryKey: savedViewsKey(list), queryFn: () => savedViewsApi.list(list), select: (d) => d.items, retry: false });
  const refresh = () => queryClient.invalidateQueries({ queryKey: savedViewsKey(list) });

  const remove = async (v: SavedView) => {
    setAnchor(null);
    const ok = await confirm({ title: t.customers.deleteView(v.name), confirmText: t.common.delete, destructive: true });
    if (!ok) return;
    try {
      await savedViewsApi.remove(v.id);
      await refresh();
      toast.success(t.common.deleted);
    } catch (err) {
      toast.error(errorText(err, t));
    }
  };

  return (
    <>
      <Button variant="outlined" startIcon={<BookmarkBorderOutlined />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu" aria-expanded={Boolean(anchor)}>
        {t.customers.savedViews}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': t.customers.savedViews } }}>
        {views.isError && <MenuItem disabled>{t.customers.viewsUnavailable}</MenuItem>}
        {views.isSuccess && views.data.length === 0 && <MenuItem disabled>{t.customers.noViews}</MenuItem>}
        {(views.data ?? []).map((v) => (
          <MenuItem
            key={v.id}
            onClick={() => {
              setAnchor(null);
              onApply(v);
            }}
            sx={{ minWidth: 240 }}
          >
            <ListItemText primary={v.name} />
            <IconButton
              size="small"
              edge="end"
              aria-label={t.customers.deleteView(v.name)}
              onClick={(e) => {
                e.stopPropagation();
                void remove(v);
              }}
            >
              <DeleteOutline fontSize="small" />
            </IconButton>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setNaming(true);
          }}
        >
          <ListItemIcon>
            <SaveOutlined fontSize="small" />
          </ListItemIcon>
          <ListItemText primary={t.customers.saveView} />
        </MenuItem>
      </Menu>
      <NameDialog
        open={naming}
        title={t.customers.saveView}
        label={t.customers.viewName}
        initial=""
        onClose={() => setNaming(false)}
        onSubmit={async (name) => {
          await savedViewsApi.create(list, name, currentConfig());
          await refresh();
          toast.success(t.customers.viewSaved);
        }}
      />
    </>
  );
}
