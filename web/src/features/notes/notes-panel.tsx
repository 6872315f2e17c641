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
import { useConfirm } from '../../components/ui/confirm-dialog.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { customerKeys } from '../customers/customers-api.js';
import { NoteComposer } from './note-composer.js';
import { NoteItem } from './note-item.js';
import { NOTES_TEXT as L } from './notes-labels.js';
import { noteKeys, notesApi, type NotePage } from './notes-api.js';

/** The notes of a customer on its 360° page: mine (private ones with a lock) and my colleagues' public ones. */
export function NotesPanel({ customerId }: { customerId: string }) {
  const t = useT();
  const label = useLabel();
  const toast = useToast();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const canView = useCan('notes.view');
  const canCreate = useCan('notes.create');
  const [params] = useSearchParams();
  const focus = params.get('note');
  const query = useInfiniteQuery({
    queryKey: noteKeys.ofCustomer(customerId),
    queryFn: ({ pageParam }) => notesApi.ofCustomer(customerId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: NotePage) => last.nextCursor ?? undefined,
    enabled: canView,
  });
  const notes = query.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: noteKeys.ofCustomer(customerId) }),
    queryClient.invalidateQueries({ queryKey: customerKeys.timeline(customerId) }),
  ]);
  // From a search hit or a link: bring the note into view once it is loaded.
  useEffect(() => {
    if (focus && notes.some((n) => n.id === focus)) document.getElementById(`note-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [focus, notes.length]);

  if (!canView) return null;
  const remove = async (id: string) => {
    if (!(await confirm({ title: label(L.deleteTitle), message: label(L.deleteConfirm), confirmText: t.common.delete, destructive: true }))) return;
    try {
      await notesApi.remove(id);
      await refresh();
      toast.success(t.common.deleted);
    } catch (err) {
      toast.error(errorText(err, t));
    }
  };

  return (
    <Card component="section" aria-label={label(L.title)}>
      <CardContent>
        <Typography variant="h3" component="h2" sx={{ mb: 1.5 }}>{label(L.title)}</Typography>
        {canCreate && (
          <Box sx={{ mb: 2 }}>
            <NoteComposer submitText={label(L.add)} onSubmit={async (v) => { await notesApi.create({ customerId, ...v }); await refresh(); toast.success(label(L.saved)); }} />
          </Box>
        )}
        {query.isPending && <Skeleton variant="rounded" height={80} />}
        {query.isError && <Alert severity="error">{errorText(query.error, t)}</Alert>}
        {query.isSuccess && notes.length === 0 && <Typography color="text.secondary">{label(L.empty)}</Typography>}
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {notes.map((n) => (
            <NoteItem
              key={n.id} note={n} highlighted={n.id === focus}
              onSave={async (v) => { await notesApi.update(n.id, { ...v, version: n.version }); await refresh(); }}
              onDelete={() => void remove(n.id)}
            />
          ))}
        </Box>
        {query.hasNextPage && <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>{t.common.loadMore}</Button>}
      </CardContent>
    </Card>
  );
}
