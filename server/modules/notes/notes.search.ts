import { scopeOf } from '../../platform/context.js';
import { registerSearchProvider } from '../search/index.js';
import { listNotes } from './notes.service.js';

const excerpt = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n).trimEnd()}…` : s).replace(/\s+/g, ' ');

// The top-bar search finds notes by their text — through the list's own query, so a private note is
// found by its author alone.
registerSearchProvider(async (ctx, q, limit) => {
  if (!scopeOf(ctx.principal, 'notes.view')) return [];
  const page = await listNotes(ctx, { q, limit });
  return page.items.map((n) => ({
    type: 'note', id: n.id, title: excerpt(n.body),
    subtitle: [n.isPrivate ? 'یادداشت خصوصی' : 'یادداشت', n.recordTitle].filter(Boolean).join(' · '),
    link: `${n.recordPath ?? '/'}?note=${n.id}`,
  }));
});
