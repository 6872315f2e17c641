import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { useFormat } from '../../app/format.js';
import type { Reminder } from './reminders-api.js';
import { REMINDER_STATUS_LABELS, STATUS_COLOR } from './reminder-labels.js';

type Props = { reminder: Reminder | null; onClose: () => void; onEdit: (r: Reminder) => void };

const Fact = ({ label, value }: { label: string; value: string }) => (
  <Typography variant="body2"><Typography component="span" variant="body2" color="text.secondary">{label}: </Typography>{value}</Typography>
);

/** One reminder in full (links from notifications and the timeline open it with ?open=). */
export function ReminderDetailsDialog({ reminder: r, onClose, onEdit }: Props) {
  const f = useFormat();
  return (
    <Dialog open={!!r} onClose={onClose} maxWidth="xs" fullWidth>
      {r && (
        <>
          <DialogTitle sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            یادآور <Chip size="small" color={STATUS_COLOR[r.status]} label={REMINDER_STATUS_LABELS[r.status].fa} />
          </DialogTitle>
          <DialogContent>
            <Stack spacing={1}>
              <Typography sx={{ whiteSpace: 'pre-line' }}>{f.digits(r.text)}</Typography>
              <Fact label="زمان" value={f.dateTime(r.dueAt)} />
              <Fact label="برای" value={r.recipientName ?? '—'} />
              {r.createdBy !== r.recipientId && <Fact label="ثبت‌کننده" value={r.createdByName ?? '—'} />}
              {r.deliveredAt && <Fact label="اعلام‌شده" value={f.dateTime(r.deliveredAt)} />}
              {r.viaSms && <Fact label="پیامک" value={r.smsNote ?? (r.smsMessageId ? 'در صف ارسال قرار گرفت' : 'هنگام یادآوری فرستاده می‌شود')} />}
            </Stack>
          </DialogContent>
          <DialogActions>
            {r.linkPath && <Button component={RouterLink} to={r.linkPath} onClick={onClose}>{r.linkTitle}</Button>}
            {r.editable && <Button onClick={() => onEdit(r)}>ویرایش</Button>}
            <Button onClick={onClose}>بستن</Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
