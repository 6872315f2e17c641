import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { errorText, useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { ACCEPT_ATTRIBUTE, ACCEPTED_EXTENSIONS, importApi, importKeys, type ImportPreview } from './import-api.js';

export const STATUS_COLOR = { validating: 'info', validated: 'info', queued: 'info', running: 'info', done: 'success', failed: 'error', undone: 'default' } as const;

/** Past imports: file, date, status and counts; each opens its summary. */
function ImportHistory() {
  const t = useT();
  const f = useFormat();
  const I = t.customerImport;
  const history = useQuery({ queryKey: importKeys.history, queryFn: ({ signal }) => importApi.history(signal), retry: false });
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
                  <TableCell>{t.common.name}</TableCell>
                  <TableCell>{t.customers.fields.createdAt}</TableCell>
                  <TableCell>{t.common.status}</TableCell>
                  <TableCell>{I.rowsRead}</TableCell>
                  <TableCell>{I.createdCount}</TableCell>
                  <TableCell>{I.rejectedCount}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {history.data.map((h, i) => (
                  <TableRow key={h.id ?? i}>
                    <TableCell>
                      <bdi>{h.filename}</bdi>
                    </TableCell>
                    <TableCell>{f.dateTime(h.createdAt)}</TableCell>
                    <TableCell>
                      <Chip size="small" color={STATUS_COLOR[h.status] ?? 'default'} label={I.status[h.status] ?? h.status} />
                    </TableCell>
                    <TableCell>{f.number(h.totalRows)}</TableCell>
                    <TableCell>{f.number(h.created)}</TableCell>
                    <TableCell>{f.number(h.rejected)}</TableCell>
                    <TableCell>
                      {h.id && (
                        <Link component={RouterLink} to={`/customers/import?id=${encodeURIComponent(h.id)}`}>
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

/** Step 1: drop or choose a .csv / .xlsx / .vcf file; the server reads it and suggests a mapping. */
export function UploadStep({ onPreview }: { onPreview: (p: ImportPreview) => void }) {
  const t = useT();
  const I = t.customerImport;
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const take = async (file: File | undefined) => {
    if (!file) return;
    if (!ACCEPTED_EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext))) return setError(I.wrongType);
    setBusy(true);
    setError(null);
    try {
      onPreview(await importApi.preview(file));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files[0]);
  };

  return (
    <>
      <Box
        role="button"
        tabIndex={0}
        aria-label={I.dropHere}
        onClick={() => !busy && input.current?.click()}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        sx={{
          border: 2,
          borderStyle: 'dashed',
          borderColor: over ? 'primary.main' : 'divider',
          bgcolor: over ? 'action.hover' : 'background.paper',
          borderRadius: 2,
          p: 5,
          textAlign: 'center',
          cursor: busy ? 'progress' : 'pointer',
        }}
      >
        <UploadFileOutlined sx={{ fontSize: 48, color: 'primary.main' }} />
        <Typography variant="h4" component="p" sx={{ mt: 1 }}>
          {busy ? I.reading : I.dropHere}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {I.accepted}
        </Typography>
        <Button variant="contained" sx={{ mt: 2 }} disabled={busy} tabIndex={-1}>
          {I.chooseFile}
        </Button>
        <input ref={input} type="file" hidden accept={ACCEPT_ATTRIBUTE} aria-label={I.chooseFile} onChange={(e) => void take(e.target.files?.[0])} />
        {busy && <LinearProgress sx={{ mt: 2 }} />}
      </Box>
      {error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error}
        </Alert>
      )}
      <ImportHistory />
    </>
  );
}
