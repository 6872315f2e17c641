import ReplyOutlined from '@mui/icons-material/ReplyOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useCan } from '../../app/auth/can.js';
import { useFormat } from '../../app/format.js';
import { useLabel } from '../../app/i18n/locale-provider.js';
import { PostComposer } from './post-composer.js';
import { PostMessage } from './post-message.js';
import { WALL_TEXT as L } from './wall-labels.js';
import { wallApi, type Post } from './wall-api.js';

/** A top-level post, its replies (oldest first) and the reply box. */
export function PostThread({ post, customerId, highlighted, onChanged }: { post: Post; customerId: string; highlighted: boolean; onChanged: () => Promise<unknown> }) {
  const label = useLabel();
  const f = useFormat();
  const canWrite = useCan('posts.create');
  const [replying, setReplying] = useState(false);
  return (
    <Box
      component="li" id={`post-${post.id}`} aria-label={`${label(L.message)} ${post.authorName ?? ''}`}
      sx={{ p: 1.5, mb: 1.5, border: 1, borderColor: highlighted ? 'primary.main' : 'divider', borderRadius: 2, bgcolor: highlighted ? 'action.hover' : undefined }}
    >
      <PostMessage
        post={post} customerId={customerId} onChanged={onChanged}
        actions={canWrite && (
          <Button size="small" startIcon={<ReplyOutlined fontSize="small" />} onClick={() => setReplying((r) => !r)}>
            {label(L.reply)}{post.replyCount ? ` (${f.digits(post.replyCount)})` : ''}
          </Button>
        )}
      />
      {(post.replies.length > 0 || replying) && (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, mt: 1, p: 0, ps: 5, display: 'flex', flexDirection: 'column', gap: 1.25 }}>
          {post.replyCount > post.replies.length && <Typography component="li" variant="caption" color="text.secondary">{label(L.moreReplies)}</Typography>}
          {post.replies.map((r) => (
            <Box component="li" key={r.id} id={`post-${r.id}`}><PostMessage post={r} customerId={customerId} onChanged={onChanged} small /></Box>
          ))}
          {replying && (
            <Box component="li">
              <PostComposer
                customerId={customerId} label={label(L.reply)} placeholder={label(L.replyPlaceholder)} submitText={label(L.send)} autoFocus minRows={1}
                onSubmit={async (body) => { await wallApi.reply(post.id, body); setReplying(false); await onChanged(); }}
                onCancel={() => setReplying(false)}
              />
            </Box>
          )}
        </Box>
      )}
    </Box>
  );
}
