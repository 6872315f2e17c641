import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Fragment } from 'react';
import { useFormat } from '../../app/format.js';

// The server's rule (server/modules/wall/domain/mention-parse.ts): @username after a non-letter.
const MENTION = /(^|[^\p{L}\p{N}._@-])(@[a-zA-Z0-9._-]{3,50})/gu;

/** A post's text with its @mentions marked; usernames stay left-to-right inside the Persian line. */
export function PostBody({ text, mentioned }: { text: string; mentioned: string[] }) {
  const f = useFormat();
  const known = new Set(mentioned.map((u) => u.toLowerCase()));
  const parts: { text: string; mention: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    const at = m.index + m[1]!.length;
    const name = m[2]!.replace(/\.+$/, '');
    if (!known.has(name.slice(1).toLowerCase())) continue;
    parts.push({ text: text.slice(last, at), mention: false }, { text: name, mention: true });
    last = at + name.length;
  }
  parts.push({ text: text.slice(last), mention: false });
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p.mention ? <Box component="bdi" dir="ltr" sx={{ color: 'primary.main', fontWeight: 600 }}>{p.text}</Box> : f.digits(p.text)}
        </Fragment>
      ))}
    </Typography>
  );
}
