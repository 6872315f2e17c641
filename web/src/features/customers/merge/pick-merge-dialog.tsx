import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useState } from 'react';
import { useT } from '../../../app/i18n/locale-provider.js';
import type { Customer } from '../customers-api.js';
import { CustomerPicker } from '../shared/customer-picker.js';
import { MergeDialog } from './merge-dialog.js';

/** «ادغام با…» on the 360° page: choose the other customer, then the side-by-side merge. */
export function PickMergeDialog({ open, customer, onClose }: { open: boolean; customer: Customer; onClose: () => void }) {
  const t = useT();
  const [other, setOther] = useState<Customer | null>(null);
  const [comparing, setComparing] = useState(false);
  useEffect(() => {
    if (open) {
      setOther(null);
      setComparing(false);
    }
  }, [open]);
  return (
    <>
      <Dialog open={open && !comparing} onClose={onClose} maxWidth="sm" fullWidth>
        <DialogTitle>{t.customers.pickCustomerTitle}</DialogTitle>
        <DialogContent>
          <div style={{ paddingTop: 8 }}>
            <CustomerPicker label={t.customers.pickCustomer} value={other} onChange={setOther} excludeIds={[customer.id]} autoFocus />
          </div>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t.common.cancel}</Button>
          <Button variant="contained" disabled={!other} onClick={() => setComparing(true)}>
            {t.customerImport.next}
          </Button>
        </DialogActions>
      </Dialog>
      <MergeDialog open={open && comparing} a={customer} b={other} onClose={onClose} />
    </>
  );
}
