import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useFormat } from '../../app/format.js';
import type { Activity } from './activities-api.js';
import { ActivityTypeIcon } from './activity-icon.js';
import { ACTIVITY_STATUS_LABELS, STATUS_COLOR } from './activity-labels.js';

type Props = { label: string; items: Activity[]; empty: string; onOpen?: (a: Activity) => void; actions?: (a: Activity) => ReactNode; detail?: (a: Activity) => string | null };

/** Activities as rows: type, time, subject, customer, responsible, status; late pending ones are marked. */
export function ActivityTable({ label, items, empty, onOpen, actions, detail }: Props) {
  const f = useFormat();
  return (
    <Paper>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>نوع</TableCell><TableCell>زمان</TableCell><TableCell>موضوع</TableCell><TableCell>مشتری</TableCell>
            <TableCell>مسئول</TableCell><TableCell>وضعیت</TableCell>{actions && <TableCell>عملیات</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {items.length === 0 && (
            <TableRow><TableCell colSpan={actions ? 7 : 6}><Typography color="text.secondary" sx={{ py: 2, textAlign: 'center' }}>{empty}</Typography></TableCell></TableRow>
          )}
          {items.map((a) => (
            <TableRow key={a.id} hover sx={{ cursor: onOpen ? 'pointer' : 'default', ...(a.overdue ? { bgcolor: 'rgba(211, 47, 47, 0.06)' } : {}) }} onClick={() => onOpen?.(a)}>
              <TableCell><Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}><ActivityTypeIcon icon={a.typeIcon} color={a.typeColor} size={24} />{a.typeName}</Box></TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {f.dateTime(a.startsAt)}
                {a.overdue && <Chip size="small" color="error" label="عقب‌افتاده" sx={{ mx: 0.5 }} />}
              </TableCell>
              <TableCell>
                {a.isFollowUp && <Chip size="small" variant="outlined" label="پیگیری" sx={{ mx: 0.5 }} />}{a.subject}
                {detail?.(a) && <Typography variant="caption" color="text.secondary" component="div">{detail(a)}</Typography>}
              </TableCell>
              <TableCell onClick={(e) => e.stopPropagation()}>
                {a.customerId ? <Link component={RouterLink} to={`/customers/${a.customerId}`}>{a.customerName}</Link> : '—'}
              </TableCell>
              <TableCell>{a.responsibleName ?? '—'}</TableCell>
              <TableCell><Chip size="small" color={STATUS_COLOR[a.status]} label={ACTIVITY_STATUS_LABELS[a.status]} /></TableCell>
              {actions && <TableCell onClick={(e) => e.stopPropagation()} sx={{ whiteSpace: 'nowrap' }}>{actions(a)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
