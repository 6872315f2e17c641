import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import ThumbUpAlt from '@mui/icons-material/ThumbUpAlt';
import ThumbUpOffAlt from '@mui/icons-material/ThumbUpOffAlt';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { errorText, useFormat } from '../../app/format.js';
import { useLabel, useT } from '../../app/i18n/locale-provider.js';
import { useConfirm } from '../../components/ui/confirm-dialog.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { PostBody } from './post-body.js';
import { PostComposer } from './post-composer.js';
import { WALL_TEXT as L } from './wall-labels.js';
import { wallApi, type Reply } from './wall-api.js';

type Props = { post: Reply; customerId: string; onChanged: () => Promise<unknown>; small?: boolean; actions?: ReactNode };

/** One message of the wall (a post or a reply): its author, text, likes, and edit/delete for its author. */
export function PostMessage({ post, customerId, onChanged, small, actions }: Props) {
  const t = useT();
  const f = useFormat();
  const label = useLabel();
  const toast = useToast();
  const confirm = useConfirm();
  const [editing, setEditing] = useState(false);
  const [likes, setLikes] = useState({ likeCount: post.likeCount, likedByMe: post.likedByMe, for: post });
  // A refetched post brings fresh counts.
  const like = likes.for === post ? likes : { likeCount: post.likeCount, likedByMe: post.likedByMe, for: post };

  const toggleLike = async () => {
    try {
      const next = like.likedByMe ? await wallApi.unlike(post.id) : await wallApi.like(post.id);
      setLikes({ ...next, for: post });
    } catch (err) {
      toast.error(errorText(err, t));
    }
  };
  const remove = async () => {
    if (!(await confirm({ title: label(L.deleteTitle), message: label(L.deleteConfirm), confirmText: t.common.delete, destructive: true }))) return;
    try {
      await wallApi.remove(post.id);
      await onChanged();
    } catch (err) {
      toast.error(errorText(err, t));
    }
  };
  const size = small ? 28 : 36;

  return (
    <Box sx={{ display: 'flex', gap: 1.25, alignItems: 'flex-start' }}>
      <Avatar sx={{ width: size, height: size, fontSize: size * 0.45, bgcolor: post.isMine ? 'primary.main' : 'secondary.main' }}>{(post.authorName ?? '?').slice(0, 1)}</Avatar>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>{post.authorName ?? '—'}</Typography>
          <Typography variant="caption" color="text.secondary">
            <time dateTime={post.createdAt}>{f.dateTime(post.createdAt)}</time>{post.edited ? ` · ${label(L.edited)}` : ''}
          </Typography>
        </Box>
        {editing ? (
          <PostComposer
            customerId={customerId} label={label(L.message)} submitText={t.common.save} initial={post.body ?? ''} autoFocus
            onSubmit={async (body) => { await wallApi.update(post.id, body, post.version); setEditing(false); await onChanged(); }}
            onCancel={() => setEditing(false)}
          />
        ) : post.deleted ? (
          <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>{label(L.deleted)}</Typography>
        ) : (
          <PostBody text={post.body ?? ''} mentioned={post.mentions.map((m) => m.username)} />
        )}
        {!post.deleted && !editing && (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, mt: 0.5, flexWrap: 'wrap' }}>
            <Button
              size="small" onClick={() => void toggleLike()} aria-pressed={like.likedByMe}
              aria-label={`${label(like.likedByMe ? L.unlike : L.like)} (${f.digits(like.likeCount)} ${label(L.likes)})`}
              startIcon={like.likedByMe ? <ThumbUpAlt fontSize="small" /> : <ThumbUpOffAlt fontSize="small" />}
              sx={{ minWidth: 0, px: 1 }}
            >
              {f.digits(like.likeCount)}
            </Button>
            {actions}
            {post.isMine && (
              <>
                <IconButton size="small" aria-label={t.common.edit} onClick={() => setEditing(true)}><EditOutlined fontSize="small" /></IconButton>
                <IconButton size="small" aria-label={t.common.delete} onClick={() => void remove()}><DeleteOutline fontSize="small" /></IconButton>
              </>
            )}
          </Box>
        )}
      </Box>
    </Box>
  );
}
