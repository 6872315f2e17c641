import Box from '@mui/material/Box';
import type { DragEvent } from 'react';
import { toJalali } from '@common/jalali.js';
import { useFormat } from '../../../app/format.js';
import type { Activity } from '../activities-api.js';
import { ACTIVITY_ICON_COMPONENTS } from '../activity-icon.js';

export const DRAG_TYPE = 'application/x-crm-activity';

/** One activity in the calendar, in its type's color; drag it to another day or hour to reschedule. */
export function CalendarEvent({ a, onOpen, draggable }: { a: Activity; onOpen: (a: Activity) => void; draggable: boolean }) {
  const f = useFormat();
  const j = toJalali(new Date(a.startsAt));
  const Icon = ACTIVITY_ICON_COMPONENTS[a.typeIcon];
  const done = a.status === 'done' || a.status === 'canceled';
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(DRAG_TYPE, a.id);
    e.dataTransfer.setData('text/plain', a.id);
    e.dataTransfer.effectAllowed = 'move';
  };
  return (
    <Box
      component="button" type="button" draggable={draggable} onDragStart={onDragStart} onClick={(e) => { e.stopPropagation(); onOpen(a); }}
      title={`${a.typeName}: ${a.subject}${a.customerName ? ` — ${a.customerName}` : ''}`}
      aria-label={`${a.typeName}: ${a.subject}، ساعت ${f.digits(`${j.hour}:${String(j.minute).padStart(2, '0')}`)}`}
      sx={{
        display: 'flex', alignItems: 'center', gap: 0.5, width: '100%', border: 0, borderRadius: 1, px: 0.5, py: 0.25, mb: 0.5,
        bgcolor: a.typeColor, color: '#fff', font: 'inherit', fontSize: 12, lineHeight: 1.5, textAlign: 'start', cursor: draggable ? 'grab' : 'pointer',
        opacity: done ? 0.55 : 1, textDecoration: a.status === 'canceled' ? 'line-through' : 'none',
        outline: a.overdue ? '2px solid' : 'none', outlineColor: 'error.main', overflow: 'hidden',
      }}
    >
      {Icon && <Icon sx={{ fontSize: 14, flexShrink: 0 }} />}
      <Box component="span" sx={{ flexShrink: 0 }}>{f.digits(`${String(j.hour).padStart(2, '0')}:${String(j.minute).padStart(2, '0')}`)}</Box>
      <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{a.subject}</Box>
    </Box>
  );
}

/** Drop-target props for a day cell or an hour slot. */
export function dropTarget(onDropId: (id: string) => void) {
  return {
    onDragOver: (e: DragEvent) => { if (e.dataTransfer.types.includes(DRAG_TYPE)) { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; } },
    onDrop: (e: DragEvent) => { const id = e.dataTransfer.getData(DRAG_TYPE); if (id) { e.preventDefault(); onDropId(id); } },
  };
}
