import ArticleOutlined from '@mui/icons-material/ArticleOutlined';
import SubdirectoryArrowLeft from '@mui/icons-material/SubdirectoryArrowLeft';
import Dialog from '@mui/material/Dialog';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { searchNormalize } from '@common/text.js';
import { useLabel, useLocale, useT } from '../../app/i18n/locale-provider.js';
import { searchTypeLabel, useRecordSearch } from './search-api.js';
import { useVisibleNav } from './sidebar.js';
import { useOpenLink } from './use-notifications.js';

type Entry = { key: string; group: 'pages' | 'records'; title: string; subtitle?: string; link: string; icon?: ReactNode };

function usePageEntries(): Entry[] {
  const t = useT();
  const label = useLabel();
  const nav = useVisibleNav();
  return useMemo(() => {
    const out: Entry[] = [];
    for (const item of nav) {
      out.push({ key: item.key, group: 'pages', title: item.label(t), link: item.path, icon: item.icon });
      for (const c of item.visibleChildren) {
        out.push({ key: c.key, group: 'pages', title: label(c.label), subtitle: item.label(t), link: c.path, icon: <SubdirectoryArrowLeft /> });
      }
    }
    return out;
  }, [nav, t, label]);
}

/** Ctrl+K / ⌘K: jump to any page the user may open, or to a record found by /api/search. */
export function CommandPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const pages = usePageEntries();
  const records = useRecordSearch(q);
  const openLink = useOpenLink();

  const entries = useMemo(() => {
    const needle = searchNormalize(q);
    const pageHits = needle ? pages.filter((p) => searchNormalize(`${p.title} ${p.subtitle ?? ''}`).includes(needle)) : pages;
    const recordHits: Entry[] =
      q.trim().length >= 2
        ? (records.data ?? []).map((r) => ({
            key: `${r.type}:${r.id}`,
            group: 'records',
            title: r.title,
            subtitle: [searchTypeLabel(r.type, locale), r.subtitle].filter(Boolean).join(' · '),
            link: r.link,
            icon: <ArticleOutlined />,
          }))
        : [];
    return [...pageHits, ...recordHits];
  }, [q, pages, records.data, locale]);

  const close = () => {
    setQ('');
    setActive(0);
    onClose();
  };
  const go = (e: Entry | undefined) => {
    if (!e) return;
    close();
    openLink(e.link);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, entries.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(entries[active]);
    }
  };

  let lastGroup: Entry['group'] | null = null;
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-label={t.palette.title} slotProps={{ paper: { sx: { alignSelf: 'flex-start', mt: '10vh' } } }}>
      <TextField
        autoFocus
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder={t.palette.placeholder}
        slotProps={{ htmlInput: { 'aria-label': t.palette.placeholder } }}
        sx={{ p: 1.5, '& fieldset': { border: 'none' } }}
        size="medium"
      />
      <List dense sx={{ maxHeight: 400, overflow: 'auto', pt: 0 }} role="listbox" aria-label={t.palette.title}>
        {entries.map((e, i) => {
          const header = e.group !== lastGroup ? (e.group === 'pages' ? t.palette.pages : t.palette.records) : null;
          lastGroup = e.group;
          return (
            <li key={e.key} style={{ listStyle: 'none' }}>
              {header && <ListSubheader component="div">{header}</ListSubheader>}
              <ListItemButton role="option" selected={i === active} aria-selected={i === active} onMouseEnter={() => setActive(i)} onClick={() => go(e)}>
                {e.icon && <ListItemIcon sx={{ minWidth: 36 }}>{e.icon}</ListItemIcon>}
                <ListItemText primary={e.title} secondary={e.subtitle} />
              </ListItemButton>
            </li>
          );
        })}
        {entries.length === 0 && (
          <Typography color="text.secondary" sx={{ p: 2, textAlign: 'center' }}>
            {t.shell.noResults}
          </Typography>
        )}
      </List>
      <Typography variant="caption" color="text.secondary" sx={{ px: 2, py: 1, borderTop: 1, borderColor: 'divider' }}>
        {t.palette.hint}
      </Typography>
    </Dialog>
  );
}
