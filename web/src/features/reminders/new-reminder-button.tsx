import AddAlarmOutlined from '@mui/icons-material/AddAlarmOutlined';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { ReminderFormDialog, type ReminderSeed } from './reminder-form-dialog.js';

/** «یادآور تازه» anywhere: on a customer's 360° page the reminder is about that customer. */
export function NewReminderButton({ seed, variant = 'outlined' }: { seed?: ReminderSeed; variant?: 'outlined' | 'contained' }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} startIcon={<AddAlarmOutlined />} onClick={() => setOpen(true)}>یادآور تازه</Button>
      <ReminderFormDialog open={open} seed={seed ?? {}} onClose={() => setOpen(false)} />
    </>
  );
}
