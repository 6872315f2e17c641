import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { WEEKDAYS_FA } from '@common/jalali.js';
import { useFormat } from '../../../app/format.js';
import type { Activity } from '../activities-api.js';
import { CalendarEvent, dropTarget } from './calendar-event.js';
import { dayKey, type Day } from './calendar-math.js';

type Props = { days: Day[]; items: Activity[]; todayKey: string; canMove: boolean; onOpen: (a: Activity) => void; onDrop: (id: string, day: Day) => void; onNew: (day: Day) => void };
const MAX = 3;

/** A Jalali month, Saturday first; each day lists its first activities and takes drops. */
export function MonthView({ days, items, todayKey, canMove, onOpen, onDrop, onNew }: Props) {
  const f = useFormat();
  const byDay = new Map<string, Activity[]>();
  for (const a of items) byDay.set(dayKey(new Date(a.startsAt)), [...(byDay.get(dayKey(new Date(a.startsAt))) ?? []), a]);
  return (
    <Box role="grid" aria-label="تقویم ماه" sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden', bgcolor: 'background.paper' }}>
      {WEEKDAYS_FA.map((w) => (
        <Box key={w} role="columnheader" sx={{ p: 1, textAlign: 'center', fontWeight: 600, fontSize: 13, bgcolor: 'action.hover', borderBottom: 1, borderColor: 'divider' }}>{w}</Box>
      ))}
      {days.map((d) => {
        const list = byDay.get(d.key) ?? [];
        const today = d.key === todayKey;
        return (
          <Box key={d.key} role="gridcell" aria-label={`${f.digits(d.day)}`} {...dropTarget((id) => onDrop(id, d))} onDoubleClick={() => onNew(d)}
            sx={{ minHeight: 112, p: 0.5, borderInlineEnd: 1, borderBottom: 1, borderColor: 'divider', bgcolor: d.inMonth ? 'transparent' : 'action.hover', minWidth: 0 }}>
            <Typography component="div" sx={{ fontSize: 13, mb: 0.5, fontWeight: today ? 700 : 400, color: d.inMonth ? 'text.primary' : 'text.disabled' }}>
              <Box component="span" sx={today ? { bgcolor: 'primary.main', color: '#fff', borderRadius: '50%', px: 0.75, py: 0.25 } : {}}>{f.digits(d.day)}</Box>
            </Typography>
            {list.slice(0, MAX).map((a) => <CalendarEvent key={a.id} a={a} onOpen={onOpen} draggable={canMove} />)}
            {list.length > MAX && <Typography variant="caption" color="text.secondary">{f.digits(list.length - MAX)} مورد دیگر</Typography>}
          </Box>
        );
      })}
    </Box>
  );
}
