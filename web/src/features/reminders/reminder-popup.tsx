import AlarmOutlined from '@mui/icons-material/AlarmOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormat } from '../../app/format.js';
import { registerLivePopup, useLiveNotifications, useMarkRead, useOpenLink, type Notification } from '../shell/use-notifications.js';
import { reminderKeys } from './reminders-api.js';

// Reminders get this dialog instead of the generic toast: a reminder must not slip away after four seconds.
registerLivePopup('reminder');

/** The live pop-up when one of my reminders falls due; several wait their turn. */
export function ReminderPopup() {
  const f = useFormat();
  const qc = useQueryClient();
  const markRead = useMarkRead();
  const openLink = useOpenLink();
  const [queue, setQueue] = useState<Notification[]>([]);
  useLiveNotifications('reminder', (n) => {
    setQueue((q) => (q.some((x) => x.id === n.id) ? q : [...q, n]));
    void qc.invalidateQueries({ queryKey: reminderKeys.all });
  });
  const current = queue[0];
  const done = (open: boolean) => {
    if (!current) return;
    markRead.mutate(current.id);
    setQueue((q) => q.slice(1));
    if (open) openLink(current.link);
  };
  const text = current?.title.replace(/^یادآور: /, '') ?? '';
  return (
    <Dialog open={!!current} onClose={() => done(false)} maxWidth="xs" fullWidth aria-labelledby="reminder-popup-title">
      <DialogTitle id="reminder-popup-title" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <AlarmOutlined color="warning" /> یادآور
      </DialogTitle>
      <DialogContent>
        <Typography variant="h4" component="p" sx={{ mb: 1 }}>{f.digits(text)}</Typography>
        {current && <Typography variant="body2" color="text.secondary">{f.dateTime(current.createdAt)}</Typography>}
        {queue.length > 1 && <Box sx={{ mt: 1 }}><Typography variant="caption" color="text.secondary">{f.digits(queue.length - 1)} یادآور دیگر در نوبت</Typography></Box>}
      </DialogContent>
      <DialogActions>
        {current?.link && <Button onClick={() => done(true)}>مشاهده</Button>}
        <Button variant="contained" onClick={() => done(false)}>دیدم</Button>
      </DialogActions>
    </Dialog>
  );
}
