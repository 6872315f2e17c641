import EditOutlined from '@mui/icons-material/EditOutlined';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useFormat } from '../../app/format.js';
import type { Announcement } from './announcements-api.js';
import { audienceText } from './announcement-details-dialog.js';

type Props = { label: string; items: Announcement[]; empty: string; sent: boolean; onOpen: (a: Announcement) => void; onEdit?: ((a: Announcement) => void) | undefined };

/** The inbox (with my read state) or the sent list (with how many have read each; editable by the sender). */
export function AnnouncementTable({ label, items, empty, sent, onOpen, onEdit }: Props) {
  const editable = sent && !!onEdit;
  const f = useFormat();
  return (
    <Paper>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>زمان</TableCell><TableCell>عنوان</TableCell>
            {sent ? <><TableCell>مخاطبان</TableCell><TableCell>فرستنده</TableCell><TableCell>خوانده‌شده</TableCell></> : <><TableCell>فرستنده</TableCell><TableCell>وضعیت</TableCell></>}
            {editable && <TableCell aria-label="عملیات" />}
          </TableRow>
        </TableHead>
        <TableBody>
          {items.length === 0 && (
            <TableRow><TableCell colSpan={(sent ? 5 : 4) + (editable ? 1 : 0)}><Typography color="text.secondary" sx={{ py: 2, textAlign: 'center' }}>{empty}</Typography></TableCell></TableRow>
          )}
          {items.map((a) => (
            <TableRow key={a.id} hover sx={{ cursor: 'pointer' }} onClick={() => onOpen(a)}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{f.dateTime(a.createdAt)}</TableCell>
              <TableCell sx={{ fontWeight: !sent && !a.readAt ? 700 : 400 }}>
                {f.digits(a.title)}
                {a.editedAt && <Typography component="span" variant="caption" color="text.secondary"> (ویرایش‌شده)</Typography>}
              </TableCell>
              {sent ? (
                <>
                  <TableCell>{audienceText(a)}</TableCell>
                  <TableCell>{a.senderName ?? '—'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{f.digits(a.readCount ?? 0)} از {f.digits(a.recipientCount)} نفر</TableCell>
                  {editable && onEdit && (
                    <TableCell onClick={(e) => e.stopPropagation()} sx={{ width: 48 }}>
                      <IconButton size="small" aria-label={`ویرایش ${a.title}`} onClick={() => onEdit(a)}><EditOutlined fontSize="small" /></IconButton>
                    </TableCell>
                  )}
                </>
              ) : (
                <>
                  <TableCell>{a.senderName ?? '—'}</TableCell>
                  <TableCell><Chip size="small" color={a.readAt ? 'default' : 'primary'} label={a.readAt ? 'خوانده‌شده' : 'تازه'} /></TableCell>
                </>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
