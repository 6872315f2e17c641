import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useFormat } from '../../app/format.js';
import { useLabel, useT } from '../../app/i18n/locale-provider.js';
import { NoteComposer } from './note-composer.js';
import { NOTES_TEXT as L } from './notes-labels.js';
import type { Note } from './notes-api.js';

type Props = {
  note: Note;
  highlighted: boolean;
  onSave: (v: { body: string; isPrivate: boolean }) => Promise<unknown>;
  onDelete: () => void;
};

/** One note: a lock on private ones; edit and delete only on my own. */
export function NoteItem({ note, highlighted, onSave, onDelete }: Props) {
  const t = useT();
  const f = useFormat();
  const label = useLabel();
  const [editing, setEditing] = useState(false);

  return (
    <Box
      component="li" id={`note-${note.id}`}
      sx={{ py: 1.25, borderBottom: 1, borderColor: 'divider', bgcolor: highlighted ? 'action.selected' : note.isPrivate ? 'rgba(109,76,65,0.06)' : undefined, px: 1, borderRadius: 1 }}
    >
      {editing ? (
        <NoteComposer
          initial={{ body: note.body, isPrivate: note.isPrivate }} submitText={t.common.save}
          onSubmit={async (v) => { await onSave(v); setEditing(false); }} onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
            {note.isPrivate && (
              <LockOutlined fontSize="small" sx={{ color: '#6D4C41', mt: 0.25 }} titleAccess={label(L.privateBadge)} />
            )}
            <Typography variant="body2" sx={{ flex: 1, whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{f.digits(note.body)}</Typography>
            {note.isMine && (
              <Box sx={{ display: 'flex', flexShrink: 0 }}>
                <IconButton size="small" aria-label={t.common.edit} onClick={() => setEditing(true)}><EditOutlined fontSize="small" /></IconButton>
                <IconButton size="small" aria-label={t.common.delete} onClick={onDelete}><DeleteOutline fontSize="small" /></IconButton>
              </Box>
            )}
          </Box>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            {note.isPrivate && <Chip size="small" icon={<LockOutlined />} label={label(L.privateBadge)} sx={{ height: 20 }} />}
            <span>{note.authorName ?? '—'}</span>
            <span>·</span>
            <time dateTime={note.createdAt}>{f.dateTime(note.createdAt)}</time>
            {note.updatedAt !== note.createdAt && <span>({label(L.edited)})</span>}
          </Typography>
        </>
      )}
    </Box>
  );
}
