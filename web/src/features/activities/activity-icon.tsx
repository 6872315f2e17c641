import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import EmailOutlined from '@mui/icons-material/EmailOutlined';
import EventOutlined from '@mui/icons-material/EventOutlined';
import FlagOutlined from '@mui/icons-material/FlagOutlined';
import ForumOutlined from '@mui/icons-material/ForumOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import PhoneOutlined from '@mui/icons-material/PhoneOutlined';
import PlaceOutlined from '@mui/icons-material/PlaceOutlined';
import SmsOutlined from '@mui/icons-material/SmsOutlined';
import StarBorder from '@mui/icons-material/StarBorder';
import StickyNote2Outlined from '@mui/icons-material/StickyNote2Outlined';
import SupportAgentOutlined from '@mui/icons-material/SupportAgentOutlined';
import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import Box from '@mui/material/Box';
import type { SvgIconComponent } from '@mui/icons-material';

/** The icon keys of common/contracts/activities.contract.ts (ACTIVITY_ICONS) as Material icons. */
export const ACTIVITY_ICON_COMPONENTS: Record<string, SvgIconComponent> = {
  call: PhoneOutlined, meeting: GroupsOutlined, email: EmailOutlined, task: TaskAltOutlined, sms: SmsOutlined, visit: PlaceOutlined,
  event: EventOutlined, flag: FlagOutlined, star: StarBorder, support: SupportAgentOutlined, handshake: HandshakeOutlined, note: StickyNote2Outlined,
  // Timeline marks of notes (a private one) and the discussion wall.
  lock: LockOutlined, forum: ForumOutlined,
};

/** A round badge in the type's color with its icon: how an activity type is recognised everywhere. */
export function ActivityTypeIcon({ icon, color, size = 28 }: { icon: string | null | undefined; color: string | null | undefined; size?: number }) {
  const Icon = ACTIVITY_ICON_COMPONENTS[icon ?? ''] ?? CalendarMonthOutlined;
  return (
    <Box aria-hidden sx={{ width: size, height: size, minWidth: size, borderRadius: '50%', bgcolor: color ?? 'primary.main', color: '#fff', display: 'inline-flex', alignItems: 'center', justifyContent: 'center' }}>
      <Icon sx={{ fontSize: size * 0.6 }} />
    </Box>
  );
}
