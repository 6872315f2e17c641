import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, isApiError } from '../../app/api-client.js';
import { errorText, useFormat, type Formatter } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';

export type AuditChange = { field: string; before: unknown; after: unknown };
export type AuditEntry = {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  action: 'create' | 'update' | 'delete';
  changes: AuditChange[];
};
type AuditPage = { items: AuditEntry[]; nextCursor: string | null };

export type RecordHistoryProps = {
  entity: string;
  entityId: string;
  /** Field → label of the screen, so the history speaks the form's words. */
  fieldLabels?: Record<string, string>;
  /** Custom display of a value (ids → names, enums → labels). */
  formatValue?: (field: string, value: unknown) => ReactNode;
  title?: string;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function defaultAuditValue(value: unknown, f: Formatter, t: ReturnType<typeof useT>): ReactNode {
  if (value === null || value === undefined || value === '') return t.common.none;
  if (typeof value === 'boolean') return value ? t.common.yes : t.common.no;
  if (typeof value === 'number' || typeof value === 'bigint') return f.number(value);
  if (typeof value === 'string') return ISO_DATE.test(value) ? f.dateTime(value) : f.digits(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('، ');
  return JSON.stringify(value);
}

const ACTION_COLOR = { create: 'success', update: 'info', delete: 'error' } as const;

/** Change history of one record as a timeline: who, when (Jalali), what changed from what to what. */
export function RecordHistory({ entity, entityId, fieldLabels = {}, formatValue, title }: RecordHistoryProps) {
  const t = useT();
  const f = useFormat();
  const query = useInfiniteQuery({
    queryKey: ['audit-log', entity, entityId],
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>('/api/audit-log', { query: { entity, entityId, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  // No permission to read the audit log: the panel simply is not there.
  if (query.isError && isApiError(query.error) && query.error.status === 403) return null;

  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  const show = (field: string, v: unknown) => (formatValue ? formatValue(field, v) : defaultAuditValue(v, f, t));

  return (
    <Card component="section" aria-label={title ?? t.history.title}>
      <CardContent>
        <Typography variant="h3" component="h2" sx={{ mb: 2 }}>
          {title ?? t.history.title}
        </Typography>
        {query.isPending && <Skeleton variant="rounded" height={80} />}
        {query.isError && <Alert severity="error">{errorText(query.error, t)}</Alert>}
        {query.isSuccess && entries.length === 0 && <Typography color="text.secondary">{t.history.empty}</Typography>}
        <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {entries.map((e) => (
            <Box
              component="li"
              key={e.id}
              sx={{ position: 'relative', pl: 3, pb: 2.5, borderLeft: 2, borderColor: 'divider', ml: 1 }}
            >
              <Box
                aria-hidden
                sx={{
                  position: 'absolute',
                  left: -7,
                  top: 4,
                  width: 12,
                  height: 12,
                  borderRadius: '50%',
                  bgcolor: `${ACTION_COLOR[e.action] ?? 'info'}.main`,
                }}
              />
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <Chip size="small" color={ACTION_COLOR[e.action] ?? 'default'} label={t.history[e.action] ?? e.action} />
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {e.actor?.name ?? t.history.system}
                </Typography>
                <Typography variant="body2" color="text.secondary" component="time" dateTime={e.at}>
                  {f.dateTime(e.at)}
                </Typography>
              </Box>
              {e.changes.length > 0 && (
                <Table size="small" sx={{ mt: 1, '& td, & th': { px: 1, py: 0.5 } }}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t.history.field}</TableCell>
                      <TableCell>{t.history.before}</TableCell>
                      <TableCell>{t.history.after}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {e.changes.map((c) => (
                      <TableRow key={c.field}>
                        <TableCell sx={{ fontWeight: 600 }}>{fieldLabels[c.field] ?? c.field}</TableCell>
                        <TableCell sx={{ color: 'text.secondary' }}>{show(c.field, c.before)}</TableCell>
                        <TableCell>{show(c.field, c.after)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </Box>
          ))}
        </Box>
        {query.hasNextPage && (
          <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {t.common.loadMore}
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
