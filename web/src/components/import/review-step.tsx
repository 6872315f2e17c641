import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useFormat } from '../../app/format.js';
import type { ImportReport, ImportWizardTexts } from './import-kit.js';
import { ImportStats, type Stat } from './import-stats.js';

const SHOWN = 100;

type Props = {
  texts: ImportWizardTexts;
  report: ImportReport;
  /** The module's own numbers after the common ones (e.g. list prices, opening-stock lines). */
  extraStats?: Stat[];
  busy: boolean;
  error: string | null;
  onBackToMapping: () => void;
  onStart: () => void;
};

/** Step 4: what would happen (nothing is written yet) and why rows are rejected. */
export function ReviewStep({ texts: I, report, extraStats = [], busy, error, onBackToMapping, onStart }: Props) {
  const f = useFormat();
  const rejected = report.rejected ?? [];
  // The list may be cut short by the server; the count is what did not validate.
  const rejectedCount = report.rejectedCount ?? Math.max(rejected.length, report.totalRows - report.valid);
  return (
    <>
      <ImportStats
        label={I.steps[3] ?? ''}
        stats={[
          { key: 'totalRows', label: I.totalRows, value: report.totalRows },
          { key: 'valid', label: I.valid, value: report.valid, color: 'success.main' },
          { key: 'rejected', label: I.rejected, value: rejectedCount, ...(rejectedCount ? { color: 'error.main' } : {}) },
          { key: 'wouldCreate', label: I.wouldCreate, value: report.wouldCreate },
          { key: 'wouldUpdate', label: I.wouldUpdate, value: report.wouldUpdate },
          { key: 'wouldSkip', label: I.wouldSkip, value: report.wouldSkip },
          ...extraStats,
        ]}
      />
      <Typography variant="h4" component="h2" sx={{ mt: 3, mb: 1 }}>
        {I.rejected}
      </Typography>
      {rejected.length === 0 ? (
        <Alert severity="success">{I.noRejected}</Alert>
      ) : (
        <Box sx={{ overflowX: 'auto', maxHeight: 420, border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Table size="small" stickyHeader aria-label={I.rejected}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 70 }}>{I.rowNumber}</TableCell>
                <TableCell>{I.reasons}</TableCell>
                <TableCell>{I.values}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rejected.slice(0, SHOWN).map((r) => (
                <TableRow key={r.rowNumber}>
                  <TableCell>{f.digits(r.rowNumber)}</TableCell>
                  <TableCell sx={{ color: 'error.main' }}>
                    {r.reasons.map((reason, i) => (
                      <div key={i}>{reason}</div>
                    ))}
                  </TableCell>
                  <TableCell sx={{ color: 'text.secondary', maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {r.values.filter(Boolean).join(' | ')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {rejectedCount > Math.min(rejected.length, SHOWN) && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {I.moreRejected(f.number(rejectedCount - Math.min(rejected.length, SHOWN)))}
        </Typography>
      )}
      {error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', mt: 2 }}>
        <Button onClick={onBackToMapping} disabled={busy}>
          {I.backToMapping}
        </Button>
        <Button variant="contained" onClick={onStart} disabled={busy || report.valid === 0}>
          {I.start}
        </Button>
      </Box>
    </>
  );
}
