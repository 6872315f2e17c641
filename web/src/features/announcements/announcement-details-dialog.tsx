import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { AUDIENCE_LABELS } from '@common/contracts/announcements.contract.js';
import { useFormat } from '../../app/format.js';
import type { Announcement } from './announcements-api.js';

type Props = {
  announcement: Announcement | null; onClose: () => void; onReads?: ((a: Announcement) => void) | undefined;
  actionLabel?: string; onAction?: () => void;
  /** A line above the title (the pop-up says what it is). */
  kicker?: string;
};

export const audienceText = (a: Announcement) => (a.audience === 'all' ? AUDIENCE_LABELS.all.fa : `${AUDIENCE_LABELS[a.audience].fa}: ${a.targetName ?? '—'}`);

/** An announcement in full: who sent it, when, to whom; the sender gets a button to the read status. */
export function AnnouncementDetailsDialog({ announcement: a, onClose, onReads, actionLabel, onAction, kicker }: Props) {
  const f = useFormat();
  return (
    <Dialog open={!!a} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="announcement-title">
      {a && (
        <>
          {kicker && (
            <Typography variant="overline" color="primary" sx={{ display: 'flex', alignItems: 'center', gap: 0.75, px: 3, pt: 2, mb: -2 }}>
              <CampaignOutlined fontSize="small" /> {kicker}
            </Typography>
          )}
          <DialogTitle id="announcement-title">{a.title}</DialogTitle>
          <DialogContent>
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 2 }}>
              {a.senderName ?? '—'} · {f.dateTime(a.createdAt)} · {audienceText(a)}
              {a.editedAt && <> · ویرایش‌شده در {f.dateTime(a.editedAt)}</>}
            </Typography>
            <Typography sx={{ whiteSpace: 'pre-line' }}>{f.digits(a.body)}</Typography>
          </DialogContent>
          <DialogActions>
            {a.readCount !== null && onReads && <Button onClick={() => onReads(a)}>وضعیت خواندن ({f.digits(a.readCount)} از {f.digits(a.recipientCount)})</Button>}
            {onAction ? <Button variant="contained" onClick={onAction}>{actionLabel}</Button> : <Button onClick={onClose}>بستن</Button>}
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
