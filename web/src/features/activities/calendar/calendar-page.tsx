import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fromJalali } from '@common/jalali.js';
import { useCan } from '../../../app/auth/can.js';
import { errorText, useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { useToast } from '../../../components/ui/toast-provider.js';
import { activitiesApi, activityKeys, personName, type Activity } from '../activities-api.js';
import { ActivityFormDialog } from '../activity-form-dialog.js';
import type { FormSeed } from '../activity-form-values.js';
import { useStaffOptions } from '../use-activity-options.js';
import { dayKey, dropTime, step, title, visibleDays, type CalendarView, type Day } from './calendar-math.js';
import { MonthView } from './month-view.js';
import { TimeGridView } from './time-grid-view.js';

const VIEWS: { key: CalendarView; label: string }[] = [{ key: 'day', label: 'روز' }, { key: 'week', label: 'هفته' }, { key: 'month', label: 'ماه' }];

/** /activities/calendar — day, week and month in Jalali; drag an activity to another day or hour to reschedule it. */
export function CalendarPage() {
  const t = useT();
  const f = useFormat();
  const toast = useToast();
  const qc = useQueryClient();
  const canEdit = useCan('activities.edit');
  const canCreate = useCan('activities.create');
  const staff = useStaffOptions().data ?? [];
  const [view, setView] = useState<CalendarView>('month');
  const [at, setAt] = useState(() => new Date());
  const [who, setWho] = useState('me');
  const [dialog, setDialog] = useState<{ activity: Activity | null; seed?: FormSeed } | null>(null);
  const days = visibleDays(view, at);
  const from = days[0]!.key;
  const to = days.at(-1)!.key;
  const range = useQuery({
    queryKey: activityKeys.range(from, to, who),
    queryFn: () => activitiesApi.list({ from, to, sort: 'startsAt', limit: 500, ...(who === 'me' ? { mine: 'true' } : { responsibleId: who }) }),
  });
  const items = range.data?.items ?? [];

  const move = async (id: string, day: Day, hour?: number) => {
    const a = items.find((x) => x.id === id);
    if (!a) return;
    const startsAt = dropTime(new Date(a.startsAt), day, hour);
    if (startsAt.getTime() === new Date(a.startsAt).getTime()) return;
    try {
      await activitiesApi.reschedule(id, startsAt, a.version);
      toast.success(`«${a.subject}» به ${f.dateTime(startsAt)} منتقل شد`);
    } catch (err) {
      toast.error(errorText(err, t));
    } finally {
      void qc.invalidateQueries({ queryKey: activityKeys.all });
    }
  };
  const newAt = (day: Day, hour = 9) => canCreate && setDialog({ activity: null, seed: { startsAt: fromJalali(day.year, day.month, day.day, hour, 0) } });
  const shared = { days, items, todayKey: dayKey(new Date()), canMove: canEdit, onOpen: (a: Activity) => setDialog({ activity: a }) };

  return (
    <>
      <PageHeader title="تقویم فعالیت‌ها" actions={
        <TextField select size="small" label="تقویم" value={who} onChange={(e) => setWho(e.target.value)} sx={{ minWidth: 200 }}>
          <MenuItem value="me">فعالیت‌های من</MenuItem>
          {staff.map((s) => <MenuItem key={s.id} value={s.id}>{personName(s)}</MenuItem>)}
        </TextField>
      } />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2, flexWrap: 'wrap' }}>
        <IconButton aria-label="قبلی" onClick={() => setAt(step(view, at, -1))}><ChevronRight /></IconButton>
        <Button variant="outlined" size="small" onClick={() => setAt(new Date())}>امروز</Button>
        <IconButton aria-label="بعدی" onClick={() => setAt(step(view, at, 1))}><ChevronLeft /></IconButton>
        <Typography variant="h2" component="h2" sx={{ flex: 1, fontSize: 20 }}>{title(view, at, f.digits)}</Typography>
        <ToggleButtonGroup size="small" exclusive value={view} onChange={(_e, v: CalendarView | null) => v && setView(v)} aria-label="نما">
          {VIEWS.map((v) => <ToggleButton key={v.key} value={v.key}>{v.label}</ToggleButton>)}
        </ToggleButtonGroup>
      </Box>
      {view === 'month'
        ? <MonthView {...shared} onDrop={(id, d) => void move(id, d)} onNew={(d) => newAt(d)} />
        : <TimeGridView {...shared} onDrop={(id, d, h) => void move(id, d, h)} onNew={(d, h) => newAt(d, h)} />}
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
        برای جابه‌جایی، فعالیت را بکشید و روی روز یا ساعت دیگر رها کنید؛ با دوبار کلیک روی یک روز، فعالیت تازه ثبت کنید.
      </Typography>
      <ActivityFormDialog open={!!dialog} activity={dialog?.activity ?? null} seed={dialog?.seed ?? {}} onClose={() => setDialog(null)} />
    </>
  );
}
