import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { errorText, useFormat } from '../../../app/format.js';
import { useLabel, useT } from '../../../app/i18n/locale-provider.js';
import { customerKeys, customersApi, type TimelineItem, type TimelinePage } from '../customers-api.js';
import { useCustomerFieldLabels } from './field-labels.js';
import { ActivityTypeIcon } from '../../activities/activity-icon.js';

/** The 360° timeline: every module's items for this customer, newest first, filtered by type. */
export function CustomerTimeline({ customerId }: { customerId: string }) {
  const t = useT();
  const f = useFormat();
  const label = useLabel();
  const [types, setTypes] = useState<string[]>([]);
  const query = useInfiniteQuery({
    queryKey: [...customerKeys.timeline(customerId), types],
    queryFn: ({ pageParam, signal }) =>
      customersApi.timeline(customerId, { types: types.join(',') || undefined, cursor: pageParam, limit: 20 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: TimelinePage) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const typeList = pages[0]?.types ?? [];
  const typeLabel = new Map(typeList.map((x) => [x.key, label(x.label)]));
  const fieldLabels = useCustomerFieldLabels();
  // The change entries list the changed fields by their API names: show the form's words.
  const bodyOf = (item: TimelineItem) =>
    item.type === 'history' && item.body ? item.body.split(/،\s*/).map((k) => fieldLabels[k] ?? k).join('، ') : item.body;
  const toggle = (key: string) => setTypes((cur) => (cur.includes(key) ? cur.filter((k) => k !== key) : [...cur, key]));

  return (
    <Card component="section" aria-label={t.customers.timeline}>
      <CardContent>
        <Typography variant="h3" component="h2" sx={{ mb: 2 }}>
          {t.customers.timeline}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }} role="group" aria-label={t.customers.filters}>
          <Chip label={t.customers.allTypes} color={types.length === 0 ? 'primary' : 'default'} variant={types.length === 0 ? 'filled' : 'outlined'} onClick={() => setTypes([])} aria-pressed={types.length === 0} />
          {typeList.map((x) => {
            const on = types.includes(x.key);
            return <Chip key={x.key} label={label(x.label)} color={on ? 'primary' : 'default'} variant={on ? 'filled' : 'outlined'} onClick={() => toggle(x.key)} aria-pressed={on} />;
          })}
        </Box>
        {query.isPending && <Skeleton variant="rounded" height={120} />}
        {query.isError && <Alert severity="error">{errorText(query.error, t)}</Alert>}
        {query.isSuccess && items.length === 0 && <Typography color="text.secondary">{t.customers.timelineEmpty}</Typography>}
        <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {items.map((item) => (
            <Box component="li" key={`${item.type}:${item.id}`} sx={{ position: 'relative', pl: 3, pb: 2, borderLeft: 2, borderColor: 'divider', ml: 1 }}>
              {item.icon ? (
                <Box sx={{ position: 'absolute', left: -13, top: 0 }}><ActivityTypeIcon icon={item.icon} color={item.color} size={24} /></Box>
              ) : (
                <Box aria-hidden sx={{ position: 'absolute', left: -7, top: 6, width: 12, height: 12, borderRadius: '50%', bgcolor: item.color ?? 'primary.main' }} />
              )}
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <Chip size="small" variant="outlined" label={typeLabel.get(item.type) ?? item.type} sx={item.color ? { borderColor: item.color, color: item.color } : undefined} />
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {item.link ? (
                    <Link component={RouterLink} to={item.link}>
                      {item.title}
                    </Link>
                  ) : (
                    item.title
                  )}
                </Typography>
              </Box>
              {item.body && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, whiteSpace: 'pre-line' }}>
                  {f.digits(bodyOf(item) ?? '')}
                </Typography>
              )}
              <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
                {item.actor?.name ?? t.history.system} · <time dateTime={item.at}>{f.dateTime(item.at)}</time>
              </Typography>
            </Box>
          ))}
        </Box>
        {query.hasNextPage && (
          <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {t.customers.timelineMore}
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
