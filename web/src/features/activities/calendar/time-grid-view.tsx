import Box from '@mui/material/Box';
import { useEffect, useRef } from 'react';
import { WEEKDAYS_FA } from '@common/jalali.js';
import { useFormat } from '../../../app/format.js';
import type { Activity } from '../activities-api.js';
import { CalendarEvent, dropTarget } from './calendar-event.js';
import { dayKey, hourOf, type Day } from './calendar-math.js';

type Props = { days: Day[]; items: Activity[]; todayKey: string; canMove: boolean; onOpen: (a: Activity) => void; onDrop: (id: string, day: Day, hour: number) => void; onNew: (day: Day, hour: number) => void };
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const ROW = 48;

/** Day and week views: hour rows × day columns; dropping on a slot moves the activity to that day and hour. */
export function TimeGridView({ days, items, todayKey, canMove, onOpen, onDrop, onNew }: Props) {
  const f = useFormat();
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => { scroller.current?.scrollTo({ top: ROW * 7 }); }, []);
  const slot = new Map<string, Activity[]>();
  for (const a of items) {
    const at = new Date(a.startsAt);
    const key = `${dayKey(at)}|${hourOf(at)}`;
    slot.set(key, [...(slot.get(key) ?? []), a]);
  }
  const columns = `56px repeat(${days.length}, minmax(0, 1fr))`;
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper', overflow: 'hidden' }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: columns, bgcolor: 'action.hover', borderBottom: 1, borderColor: 'divider' }}>
        <Box />
        {days.map((d) => (
          <Box key={d.key} sx={{ p: 1, textAlign: 'center', fontSize: 13, fontWeight: d.key === todayKey ? 700 : 500, color: d.key === todayKey ? 'primary.main' : 'text.primary' }}>
            {WEEKDAYS_FA[d.weekday]} {f.digits(d.day)}
          </Box>
        ))}
      </Box>
      <Box ref={scroller} role="grid" aria-label="تقویم ساعتی" sx={{ maxHeight: 560, overflowY: 'auto' }}>
        {HOURS.map((h) => (
          <Box key={h} role="row" sx={{ display: 'grid', gridTemplateColumns: columns, minHeight: ROW, borderBottom: 1, borderColor: 'divider' }}>
            <Box sx={{ fontSize: 12, color: 'text.secondary', p: 0.5, textAlign: 'center' }}>{f.digits(`${String(h).padStart(2, '0')}:۰۰`)}</Box>
            {days.map((d) => (
              <Box key={d.key} role="gridcell" {...dropTarget((id) => onDrop(id, d, h))} onDoubleClick={() => onNew(d, h)}
                sx={{ p: 0.25, borderInlineStart: 1, borderColor: 'divider', minWidth: 0 }}>
                {(slot.get(`${d.key}|${h}`) ?? []).map((a) => <CalendarEvent key={a.id} a={a} onOpen={onOpen} draggable={canMove} />)}
              </Box>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
