import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../app/auth/can.js';
import { errorText } from '../../app/format.js';
import { useLabel, useT } from '../../app/i18n/locale-provider.js';
import { customerKeys } from '../customers/customers-api.js';
import { PostComposer } from './post-composer.js';
import { PostThread } from './post-thread.js';
import { WALL_TEXT as L } from './wall-labels.js';
import { wallApi, wallKeys, type PostPage } from './wall-api.js';

/** The customer's discussion wall on its 360° page; a mention notification opens it at the thread (`?post=`). */
export function WallPanel({ customerId }: { customerId: string }) {
  const t = useT();
  const label = useLabel();
  const queryClient = useQueryClient();
  const canView = useCan('posts.view');
  const canWrite = useCan('posts.create');
  const [params] = useSearchParams();
  const focus = params.get('post');
  const query = useInfiniteQuery({
    queryKey: wallKeys.ofCustomer(customerId),
    queryFn: ({ pageParam }) => wallApi.ofCustomer(customerId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: PostPage) => last.nextCursor ?? undefined,
    enabled: canView,
  });
  const posts = query.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: wallKeys.ofCustomer(customerId) }),
    queryClient.invalidateQueries({ queryKey: customerKeys.timeline(customerId) }),
  ]);
  useEffect(() => {
    if (focus && posts.some((p) => p.id === focus)) document.getElementById(`post-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [focus, posts.length]);

  if (!canView) return null;
  return (
    <Card component="section" aria-label={label(L.title)}>
      <CardContent>
        <Typography variant="h3" component="h2" sx={{ mb: 1.5 }}>{label(L.title)}</Typography>
        {canWrite && (
          <Box sx={{ mb: 2 }}>
            <PostComposer
              customerId={customerId} label={label(L.message)} placeholder={label(L.placeholder)} submitText={label(L.send)}
              onSubmit={async (body) => { await wallApi.create(customerId, body); await refresh(); }}
            />
          </Box>
        )}
        {query.isPending && <Skeleton variant="rounded" height={100} />}
        {query.isError && <Alert severity="error">{errorText(query.error, t)}</Alert>}
        {query.isSuccess && posts.length === 0 && <Typography color="text.secondary">{label(L.empty)}</Typography>}
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {posts.map((p) => <PostThread key={p.id} post={p} customerId={customerId} highlighted={p.id === focus} onChanged={refresh} />)}
        </Box>
        {query.hasNextPage && <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>{t.common.loadMore}</Button>}
      </CardContent>
    </Card>
  );
}
