import EditOutlined from '@mui/icons-material/EditOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import SmsOutlined from '@mui/icons-material/SmsOutlined';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { useFormat } from '../../app/format.js';
import type { Reminder } from './reminders-api.js';
import { REMINDER_STATUS_LABELS, STATUS_COLOR } from './reminder-labels.js';

type Props = { label: string; items: Reminder[]; empty: string; onOpen: (r: Reminder) => void; onEdit: (r: Reminder) => void; onDelete: (r: Reminder) => void };

/** Reminders as rows: time, text, for whom and by whom, what about, SMS and status; edit/delete while allowed. */
export function ReminderTable({ label, items, empty, onOpen, onEdit, onDelete }: Props) {
  const f = useFormat();
  return (
    <Paper>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>زمان</TableCell><TableCell>متن</TableCell><TableCell>برای</TableCell><TableCell>ثبت‌کننده</TableCell>
            <TableCell>درباره</TableCell><TableCell>وضعیت</TableCell><TableCell aria-label="عملیات" />
          </TableRow>
        </TableHead>
        <TableBody>
          {items.length === 0 && (
            <TableRow><TableCell colSpan={7}><Typography color="text.secondary" sx={{ py: 2, textAlign: 'center' }}>{empty}</Typography></TableCell></TableRow>
          )}
          {items.map((r) => (
            <TableRow key={r.id} hover sx={{ cursor: 'pointer' }} onClick={() => onOpen(r)}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{f.dateTime(r.dueAt)}</TableCell>
              <TableCell sx={{ maxWidth: 360 }}>
                <Typography variant="body2" noWrap title={r.text}>{f.digits(r.text)}</Typography>
              </TableCell>
              <TableCell>{r.recipientName ?? '—'}</TableCell>
              <TableCell>{r.createdByName ?? '—'}</TableCell>
              <TableCell onClick={(e) => e.stopPropagation()}>
                {r.linkPath ? <Link component={RouterLink} to={r.linkPath}>{r.linkTitle}</Link> : '—'}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Chip size="small" color={STATUS_COLOR[r.status]} label={REMINDER_STATUS_LABELS[r.status].fa} />
                {r.viaSms && (
                  <Tooltip title={r.smsNote ?? (r.smsMessageId ? 'پیامک در صف ارسال قرار گرفت' : 'پیامک هم فرستاده می‌شود')}>
                    <SmsOutlined fontSize="small" color={r.smsNote ? 'warning' : 'action'} sx={{ verticalAlign: 'middle', mx: 0.5 }} aria-label="پیامک" />
                  </Tooltip>
                )}
              </TableCell>
              <TableCell onClick={(e) => e.stopPropagation()} sx={{ whiteSpace: 'nowrap' }}>
                {r.editable && (
                  <>
                    <IconButton size="small" aria-label="ویرایش" onClick={() => onEdit(r)}><EditOutlined fontSize="small" /></IconButton>
                    <IconButton size="small" aria-label="حذف" onClick={() => onDelete(r)}><DeleteOutlined fontSize="small" /></IconButton>
                  </>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
