import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import ReplayOutlined from '@mui/icons-material/ReplayOutlined';
import UndoOutlined from '@mui/icons-material/UndoOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useCan } from '../../app/auth/can.js';
import { errorText, useFormat } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { useConfirm } from '../ui/confirm-dialog.js';
import { downloadUrl } from '../ui/data-table/export-menu.js';
import { useToast } from '../ui/toast-provider.js';
import { canUndo, type ImportEndpoints, type ImportProgress, type ImportWizardTexts } from './import-kit.js';
import { ImportStats, type Stat } from './import-stats.js';

// 'validating': an import opened from the history while its validation pass still runs.
const ACTIVE = new Set(['validating', 'queued', 'running']);

type Props<S extends ImportProgress> = {
  endpoints: ImportEndpoints<S>;
  texts: ImportWizardTexts;
  importId: string;
  justStarted: boolean;
  onAnother: () => void;
  /** The module's own numbers after the common ones. */
  extraStats?: (s: S) => Stat[];
  /** The module's own part of the summary (e.g. links to the stock receipts it made). */
  extra?: (s: S) => ReactNode;
};

/**
 * Step 5: progress (polled every second while the import runs; the shell's event stream is not
 * shared with pages), then the summary with the rejected-rows file, undo and «ورود فایل دیگر».
 */
export function RunStep<S extends ImportProgress>({ endpoints, texts: I, importId, justStarted, onAnother, extraStats, extra }: Props<S>) {
  const t = useT();
  const f = useFormat();
  const toast = useToast();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const canImport = useCan(endpoints.permission);
  const [undoing, setUndoing] = useState(false);
  const state = useQuery({
    queryKey: endpoints.keys.one(importId),
    queryFn: ({ signal }) => endpoints.status(importId, signal),
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return !s || ACTIVE.has(s) || (justStarted && s === 'validated') ? 1000 : false;
    },
    staleTime: 0,
  });
  const s = state.data;
  const finished = s && !ACTIVE.has(s.status) && !(justStarted && s.status === 'validated');

  useEffect(() => {
    if (s?.status === 'done' || s?.status === 'undone') {
      void queryClient.invalidateQueries({ queryKey: endpoints.listKey });
      void queryClient.invalidateQueries({ queryKey: endpoints.keys.history });
    }
  }, [s?.status, queryClient, endpoints]);

  if (state.isPending) return <Skeleton variant="rounded" height={160} />;
  if (state.isError) return <Alert severity="error">{errorText(state.error, t)}</Alert>;
  const st = state.data;

  const undo = async () => {
    if (!(await confirm({ title: I.undo, message: I.undoConfirm, confirmText: I.undo, destructive: true }))) return;
    setUndoing(true);
    try {
      await endpoints.undo(importId);
      await state.refetch();
      toast.success(I.undone);
    } catch (err) {
      toast.error(errorText(err, t));
    } finally {
      setUndoing(false);
    }
  };

  if (!finished) {
    const pct = st.totalRows > 0 ? Math.min(100, (st.processedRows / st.totalRows) * 100) : 0;
    const label = st.status === 'validating' ? I.validating : I.running;
    return (
      <Box sx={{ py: 2 }} aria-live="polite">
        <Typography variant="h4" component="p" sx={{ mb: 1 }}>
          {label}
        </Typography>
        <LinearProgress variant={st.totalRows > 0 ? 'determinate' : 'indeterminate'} value={pct} sx={{ height: 10, borderRadius: 5 }} aria-label={label} />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {I.progress(f.number(st.processedRows), f.number(st.totalRows))}
        </Typography>
      </Box>
    );
  }

  return (
    <Box aria-live="polite">
      {st.status === 'done' && <Alert severity="success" sx={{ mb: 2 }}>{I.done}</Alert>}
      {st.status === 'failed' && <Alert severity="error" sx={{ mb: 2 }}>{I.failed}{st.error ? `: ${st.error}` : ''}</Alert>}
      {st.status === 'undone' && <Alert severity="info" sx={{ mb: 2 }}>{I.undoneInfo}</Alert>}
      <ImportStats
        label={I.steps[4] ?? ''}
        stats={[
          { key: 'rowsRead', label: I.rowsRead, value: st.totalRows },
          { key: 'created', label: I.createdCount, value: st.created, color: 'success.main' },
          { key: 'overwritten', label: I.overwritten, value: st.overwritten },
          { key: 'merged', label: I.merged, value: st.merged },
          { key: 'skipped', label: I.skipped, value: st.skipped },
          { key: 'rejected', label: I.rejectedCount, value: st.rejected, ...(st.rejected ? { color: 'error.main' } : {}) },
          ...(extraStats?.(st) ?? []),
        ]}
      />
      {extra?.(st)}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 3 }}>
        {st.rejected > 0 && (
          <Button variant="outlined" startIcon={<FileDownloadOutlined />} onClick={() => downloadUrl(endpoints.rejectedUrl(importId))}>
            {I.downloadRejected}
          </Button>
        )}
        {canUndo(st) && canImport && (
          <Button variant="outlined" color="error" startIcon={<UndoOutlined />} onClick={() => void undo()} disabled={undoing}>
            {I.undo}
          </Button>
        )}
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" startIcon={<ReplayOutlined />} onClick={onAnother}>
          {I.another}
        </Button>
      </Box>
    </Box>
  );
}
