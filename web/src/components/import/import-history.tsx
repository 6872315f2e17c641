import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { errorText, useFormat } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import type { ImportEndpoints, ImportProgress, ImportWizardTexts } from './import-kit.js';

export const IMPORT_STATUS_COLOR = { validating: 'info', validated: 'info', queued: 'info', running: 'info', done: 'success', failed: 'error', undone: 'default' } as const;

/** A module's own count in the history table (e.g. opening-stock lines of a product import). */
export type HistoryColumn<S> = { key: string; header: string; value: (s: S) => number };

type Props<S extends ImportProgress> = { endpoints: ImportEndpoints<S>; texts: ImportWizardTexts; columns?: HistoryColumn<S>[] };

/** Past imports: file, time, status and counts; each opens its summary. */
export function ImportHistory<S extends ImportProgress>({ endpoints, texts: I, columns = [] }: Props<S>) {
  const t = useT();
  const f = useFormat();
  const history = useQuery({ queryKey: endpoints.keys.history, queryFn: ({ signal }) => endpoints.history(signal), retry: false });
  return (
    <Card component="section" aria-label={I.history} sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
          {I.history}
        </Typography>
        {history.isError && <Alert severity="warning">{errorText(history.error, t)}</Alert>}
        {history.isSuccess && history.data.length === 0 && <Typography color="text.secondary">{I.noHistory}</Typography>}
        {history.isSuccess && history.data.length > 0 && (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{I.fileName}</TableCell>
                  <TableCell>{I.importedAt}</TableCell>
                  <TableCell>{t.common.status}</TableCell>
                  <TableCell>{I.rowsRead}</TableCell>
                  <TableCell>{I.createdCount}</TableCell>
                  <TableCell>{I.rejectedCount}</TableCell>
                  {columns.map((c) => (
                    <TableCell key={c.key}>{c.header}</TableCell>
                  ))}
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {history.data.map((h, i) => (
                  <TableRow key={h.id ?? i}>
                    <TableCell>
                      <bdi>{h.filename}</bdi>
                    </TableCell>
                    <TableCell>{h.createdAt ? f.dateTime(h.createdAt) : '—'}</TableCell>
                    <TableCell>
                      <Chip size="small" color={IMPORT_STATUS_COLOR[h.status] ?? 'default'} label={I.status[h.status] ?? h.status} />
                    </TableCell>
                    <TableCell>{f.number(h.totalRows)}</TableCell>
                    <TableCell>{f.number(h.created)}</TableCell>
                    <TableCell>{f.number(h.rejected)}</TableCell>
                    {columns.map((c) => (
                      <TableCell key={c.key}>{f.number(c.value(h))}</TableCell>
                    ))}
                    <TableCell>
                      {h.id && (
                        <Link component={RouterLink} to={`${endpoints.path}?id=${encodeURIComponent(h.id)}`}>
                          {I.open}
                        </Link>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
