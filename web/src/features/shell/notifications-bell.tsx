import NotificationsOutlined from '@mui/icons-material/NotificationsOutlined';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Popover from '@mui/material/Popover';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useFormat } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { useMarkAllRead, useMarkRead, useOpenLink, useUnreadNotifications, type Notification } from './use-notifications.js';

export function NotificationsBell() {
  const t = useT();
  const f = useFormat();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { data } = useUnreadNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const openLink = useOpenLink();
  const count = data?.unreadCount ?? 0;
  const items = data?.items ?? [];

  const open = (n: Notification) => {
    markRead.mutate(n.id);
    setAnchor(null);
    openLink(n.link);
  };

  return (
    <>
      <Tooltip title={t.shell.notifications}>
        <IconButton color="inherit" aria-label={t.shell.notifications} onClick={(e) => setAnchor(e.currentTarget)}>
          <Badge color="error" badgeContent={count > 99 ? `${f.digits(99)}+` : f.digits(count)} invisible={count === 0}>
            <NotificationsOutlined />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        transformOrigin={{ vertical: 'top', horizontal: 'left' }}
        slotProps={{ paper: { sx: { width: 360, maxWidth: '95vw' }, elevation: 8 } }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', px: 2, py: 1.5 }}>
          <Typography variant="h4" component="h2" sx={{ flex: 1 }}>
            {t.shell.notifications}
          </Typography>
          {items.length > 0 && (
            <Button size="small" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
              {t.shell.markAllRead}
            </Button>
          )}
        </Box>
        <Divider />
        {items.length === 0 ? (
          <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
            {t.shell.noNotifications}
          </Typography>
        ) : (
          <List dense sx={{ maxHeight: 420, overflow: 'auto' }}>
            {items.map((n) => (
              <ListItemButton key={n.id} onClick={() => open(n)} alignItems="flex-start">
                <ListItemText
                  primary={n.title}
                  secondary={
                    <>
                      {n.body && (
                        <Typography component="span" variant="body2" sx={{ display: 'block' }} noWrap>
                          {n.body}
                        </Typography>
                      )}
                      <Typography component="span" variant="caption" color="text.secondary">
                        {f.dateTime(n.createdAt)}
                      </Typography>
                    </>
                  }
                />
              </ListItemButton>
            ))}
          </List>
        )}
      </Popover>
    </>
  );
}
