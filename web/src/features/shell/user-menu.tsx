import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import LogoutOutlined from '@mui/icons-material/LogoutOutlined';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { fileUrl } from '../../app/api-client.js';
import { useMe } from '../../app/auth/use-me.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { logout } from '../auth/auth-api.js';
import { ChangePasswordDialog } from '../auth/change-password-dialog.js';

export function UserMenu() {
  const t = useT();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [pwOpen, setPwOpen] = useState(false);
  const user = me?.user;
  const initials = user ? (user.firstName?.[0] ?? '') + (user.lastName?.[0] ?? '') : '';

  const doLogout = async () => {
    setAnchor(null);
    try {
      await logout();
    } catch {
      // the session may already be gone; leave anyway
    }
    queryClient.clear();
    navigate('/login', { replace: true });
  };

  return (
    <>
      <IconButton aria-label={t.shell.account} onClick={(e) => setAnchor(e.currentTarget)} sx={{ p: 0.5 }}>
        <Avatar src={fileUrl(user?.photoFileId)} alt="" sx={{ width: 34, height: 34, fontSize: 14, bgcolor: 'primary.main' }}>
          {initials}
        </Avatar>
      </IconButton>
      <Menu
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        transformOrigin={{ vertical: 'top', horizontal: 'left' }}
      >
        {user && (
          <Box sx={{ px: 2, py: 1, minWidth: 220 }}>
            <Typography sx={{ fontWeight: 700 }}>{user.fullName}</Typography>
            <Typography variant="body2" color="text.secondary">
              {user.tenantName}
            </Typography>
          </Box>
        )}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setPwOpen(true);
          }}
        >
          <ListItemIcon>
            <KeyOutlined fontSize="small" />
          </ListItemIcon>
          {t.shell.changePassword}
        </MenuItem>
        <MenuItem onClick={() => void doLogout()}>
          <ListItemIcon>
            <LogoutOutlined fontSize="small" />
          </ListItemIcon>
          {t.shell.logout}
        </MenuItem>
      </Menu>
      <ChangePasswordDialog open={pwOpen} onClose={() => setPwOpen(false)} />
    </>
  );
}
