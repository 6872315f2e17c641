import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useFormat } from '../../app/format.js';
import { announcementKeys, announcementsApi, type Announcement } from './announcements-api.js';

/** The sender's view: who has read the announcement and when, person by person (refreshed while open). */
export function AnnouncementReadsDialog({ announcement: a, onClose, onEdit }: { announcement: Announcement | null; onClose: () => void; onEdit?: (a: Announcement) => void }) {
  const f = useFormat();
  const reads = useQuery({ queryKey: announcementKeys.reads(a?.id ?? ''), queryFn: () => announcementsApi.reads(a!.id), enabled: !!a, refetchInterval: 10_000 });
  const data = reads.data;
  return (
    <Dialog open={!!a} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="reads-title">
      <DialogTitle id="reads-title">وضعیت خواندن: {a?.title}</DialogTitle>
      <DialogContent>
        {data && (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>{f.digits(data.readCount)} نفر از {f.digits(data.total)} نفر خوانده‌اند</Typography>
            <LinearProgress variant="determinate" value={data.total ? (100 * data.readCount) / data.total : 0} sx={{ mb: 2, height: 8, borderRadius: 4 }} />
            <Table size="small" aria-label="وضعیت خواندن هر نفر">
              <TableHead><TableRow><TableCell>نام</TableCell><TableCell>واحد</TableCell><TableCell>وضعیت</TableCell><TableCell>زمان خواندن</TableCell></TableRow></TableHead>
              <TableBody>
                {data.items.map((r) => (
                  <TableRow key={r.userId}>
                    <TableCell>{r.name}</TableCell>
                    <TableCell>{r.unitName ?? '—'}</TableCell>
                    <TableCell><Chip size="small" color={r.readAt ? 'success' : 'default'} label={r.readAt ? 'خوانده' : 'نخوانده'} /></TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.readAt ? f.dateTime(r.readAt) : '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </DialogContent>
      <DialogActions>
        {a && onEdit && <Button onClick={() => onEdit(a)}>ویرایش اطلاعیه</Button>}
        <Button onClick={onClose}>بستن</Button>
      </DialogActions>
    </Dialog>
  );
}
