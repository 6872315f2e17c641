import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import Box from '@mui/material/Box';
import Collapse from '@mui/material/Collapse';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import { usePermissionCheck } from '../../app/auth/can.js';
import { useLabel, useT } from '../../app/i18n/locale-provider.js';
import { navItems, type NavChild, type NavItem } from '../../app/navigation.js';

function isActive(pathname: string, path: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

/** Modules and sub-pages the signed-in user may open; everything else is left out. */
export function useVisibleNav(): Array<NavItem & { visibleChildren: NavChild[] }> {
  const can = usePermissionCheck();
  return navItems()
    .filter((item) => can(item.permission))
    .map((item) => ({ ...item, visibleChildren: (item.children ?? []).filter((c) => can(c.permission)) }));
}

export function Sidebar({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const label = useLabel();
  const { pathname } = useLocation();
  const items = useVisibleNav();
  const [openKey, setOpenKey] = useState<string | null>(() => items.find((i) => isActive(pathname, i.path))?.key ?? null);

  return (
    <Box component="nav" aria-label={t.nav.mainMenu} sx={{ py: 1 }}>
      <List disablePadding>
        {items.map((item) => {
          const active = isActive(pathname, item.path);
          if (item.visibleChildren.length === 0) {
            return (
              <ListItemButton
                key={item.key}
                component={RouterLink}
                to={item.path}
                selected={active}
                aria-current={active ? 'page' : undefined}
                onClick={onNavigate}
                sx={{ mx: 1, borderRadius: 2, mb: 0.25 }}
              >
                <ListItemIcon sx={{ minWidth: 40 }}>{item.icon}</ListItemIcon>
                <ListItemText primary={item.label(t)} />
              </ListItemButton>
            );
          }
          const open = openKey === item.key;
          return (
            <Box key={item.key}>
              <ListItemButton
                onClick={() => setOpenKey(open ? null : item.key)}
                aria-expanded={open}
                selected={active && !open}
                sx={{ mx: 1, borderRadius: 2, mb: 0.25 }}
              >
                <ListItemIcon sx={{ minWidth: 40 }}>{item.icon}</ListItemIcon>
                <ListItemText primary={item.label(t)} />
                {open ? <ExpandLess /> : <ExpandMore />}
              </ListItemButton>
              <Collapse in={open} timeout="auto" unmountOnExit>
                <List disablePadding>
                  {item.visibleChildren.map((child) => {
                    const childActive = isActive(pathname, child.path);
                    return (
                      <ListItemButton
                        key={child.key}
                        component={RouterLink}
                        to={child.path}
                        selected={childActive}
                        aria-current={childActive ? 'page' : undefined}
                        onClick={onNavigate}
                        sx={{ mx: 1, borderRadius: 2, mb: 0.25, pl: 7 }}
                      >
                        <ListItemText primary={label(child.label)} slotProps={{ primary: { variant: 'body2' } }} />
                      </ListItemButton>
                    );
                  })}
                </List>
              </Collapse>
            </Box>
          );
        })}
      </List>
    </Box>
  );
}
