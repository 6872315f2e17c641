import AddTaskOutlined from '@mui/icons-material/AddTaskOutlined';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useCan } from '../../app/auth/can.js';
import { ActivityFormDialog } from './activity-form-dialog.js';

/** «ثبت فعالیت» on a customer's 360° page: the form opens with the customer filled in. */
export function NewActivityButton({ customerId, customerName }: { customerId: string; customerName: string }) {
  const can = useCan('activities.create');
  const [open, setOpen] = useState(false);
  if (!can) return null;
  return (
    <>
      <Button variant="outlined" startIcon={<AddTaskOutlined />} onClick={() => setOpen(true)}>ثبت فعالیت</Button>
      <ActivityFormDialog open={open} seed={{ customerId, customerName }} onClose={() => setOpen(false)} />
    </>
  );
}
