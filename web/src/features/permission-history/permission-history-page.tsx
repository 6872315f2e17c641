import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../app/api-client.js';
import { errorText, useFormat } from '../../app/format.js';
import { useLabel, useLocale, useT } from '../../app/i18n/locale-provider.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { usePermissionCatalog, usePrincipals } from '../roles/roles-api.js';
import { diffPermissions, type DiffLine } from './permission-diff.js';

export type PermissionChange = {
  id: string | number;
  at: string;
  actor: { id: string; name: string } | null;
  principalType: 'role' | 'group' | 'user';
  principalId: string;
  principalName: string;
  /** As stored: {grants}, {roleIds, groupIds}, {memberIds}, {deleted}. */
  before: unknown;
  after: unknown;
  /** A group's members by id → name. */
  memberNames: Record<string, string>;
};
type ChangesPage = { items: PermissionChange[]; nextCursor: string | null };

const LINE_COLOR = { added: 'success.main', removed: 'error.main', changed: 'warning.dark' } as const;
const LINE_SIGN = { added: '+', removed: '−', changed: '~' } as const;

/** Names for the keys of a diff: permission keys via the catalog, role/group ids via their lists. */
function useKeyNames() {
  const label = useLabel();
  const catalog = usePermissionCatalog();
  const roles = usePrincipals('roles');
  const groups = usePrincipals('user-groups');
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const m of catalog.data?.modules ?? []) {
      for (const op of m.operations) names.set(`${m.key}.${op.key}`, `${label(m.label)} – ${label(op.label)}`);
    }
    for (const r of roles.data ?? []) names.set(r.id, r.name);
    for (const g of groups.data ?? []) names.set(g.id, g.name);
    const scopes = new Map((catalog.data?.scopes ?? []).map((s) => [s.key as string, label(s.label)]));
    return { key: (k: string) => names.get(k) ?? k, scope: (s: string | undefined) => (s ? (scopes.get(s) ?? s) : '') };
  }, [catalog.data, roles.data, groups.data, label]);
}

/** /permission-history — every change of a role's, group's or user's access: who, when, before, after. */
export function PermissionHistoryPage() {
  const t = useT();
  const f = useFormat();
  const names = useKeyNames();
  const arrow = useLocale().dir === 'rtl' ? '←' : '→';
  const query = useInfiniteQuery({
    queryKey: ['permission-changes'],
    queryFn: ({ pageParam, signal }) =>
      api.get<ChangesPage>('/api/permission-changes', { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const typeLabel = { role: t.permissionHistory.role, group: t.permissionHistory.group, user: t.permissionHistory.user };

  const line = (l: DiffLine, people: Record<string, string>) => {
    const text =
      l.kind === 'changed'
        ? `${names.key(l.key)}: ${names.scope(l.before)} ${arrow} ${names.scope(l.after)}`
        : `${people[l.key] ?? names.key(l.key)}${(l.kind === 'added' ? l.after : l.before) ? `: ${names.scope(l.kind === 'added' ? l.after : l.before)}` : ''}`;
    return (
      <Typography key={`${l.kind}:${l.key}`} variant="body2" sx={{ color: LINE_COLOR[l.kind], display: 'flex', gap: 1 }}>
        <Box component="span" aria-label={t.permissionHistory[l.kind]} sx={{ fontWeight: 700, width: 12 }}>
          {LINE_SIGN[l.kind]}
        </Box>
        <span>{text}</span>
      </Typography>
    );
  };

  return (
    <>
      <PageHeader title={t.permissionHistory.title} />
      {query.isPending && <Skeleton variant="rounded" height={200} />}
      {query.isError && <Alert severity="error">{errorText(query.error, t)}</Alert>}
      {query.isSuccess && items.length === 0 && <Typography color="text.secondary">{t.permissionHistory.empty}</Typography>}
      <Stack spacing={1.5} component="ol" sx={{ listStyle: 'none', p: 0, m: 0, maxWidth: 960 }}>
        {items.map((c) => {
          const diff = diffPermissions(c.before, c.after);
          return (
            <Card component="li" key={c.id}>
              <CardContent sx={{ '&:last-child': { pb: 2 } }}>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
                  <Chip size="small" label={typeLabel[c.principalType] ?? c.principalType} />
                  <Typography sx={{ fontWeight: 700 }}>{c.principalName}</Typography>
                  <Box sx={{ flex: 1 }} />
                  <Typography variant="body2" color="text.secondary">
                    {t.permissionHistory.actor}: {c.actor?.name ?? t.history.system}
                  </Typography>
                  <Typography variant="body2" color="text.secondary" component="time" dateTime={c.at}>
                    {f.dateTime(c.at)}
                  </Typography>
                </Box>
                {diff.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">
                    {t.permissionHistory.noChange}
                  </Typography>
                ) : (
                  <Box>{diff.map((l) => line(l, c.memberNames ?? {}))}</Box>
                )}
              </CardContent>
            </Card>
          );
        })}
      </Stack>
      {query.hasNextPage && (
        <Button sx={{ mt: 2 }} onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {t.common.loadMore}
        </Button>
      )}
    </>
  );
}
