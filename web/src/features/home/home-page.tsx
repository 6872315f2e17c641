import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useMe } from '../../app/auth/use-me.js';
import { useFormat } from '../../app/format.js';
import { useLocale, useT } from '../../app/i18n/locale-provider.js';

const WEEKDAYS = {
  fa: ['یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

function tehranWeekday(d: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tehran', weekday: 'short' }).format(d);
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(name);
}

export function HomePage() {
  const t = useT();
  const f = useFormat();
  const { locale } = useLocale();
  const { data: me } = useMe();
  const now = new Date();
  const weekday = WEEKDAYS[locale][tehranWeekday(now)] ?? '';

  return (
    <Box sx={{ maxWidth: 960 }}>
      <Card sx={{ overflow: 'hidden' }}>
        <Box
          sx={{
            background: 'linear-gradient(135deg, #1e5aa8 0%, #0f8b8d 100%)',
            color: 'common.white',
            p: { xs: 3, md: 4 },
          }}
        >
          <Typography variant="h1" component="h1">
            {t.home.welcome(me?.user?.fullName ?? '')}
          </Typography>
          {me?.user?.tenantName && (
            <Typography sx={{ mt: 1, opacity: 0.9 }}>
              {t.home.company}: {me.user.tenantName}
            </Typography>
          )}
        </Box>
        <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 3 }}>
          <CalendarMonthOutlined color="primary" sx={{ fontSize: 40 }} />
          <Box>
            <Typography variant="body2" color="text.secondary">
              {t.home.today}
            </Typography>
            <Typography variant="h3" component="p">
              {weekday} {f.longDate(now)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {f.date(now)}
            </Typography>
          </Box>
        </CardContent>
      </Card>
      <Typography color="text.secondary" sx={{ mt: 3 }}>
        {t.home.comingSoon}
      </Typography>
    </Box>
  );
}
