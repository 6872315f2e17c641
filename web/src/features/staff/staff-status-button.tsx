import Button from '@mui/material/Button';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { useConfirm } from '../../components/ui/confirm-dialog.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { staffApi, staffKeys, type Staff } from './staff-api.js';

/** «غیرفعال کردن» (with confirmation) / «فعال کردن». */
export function StaffStatusButton({ staff }: { staff: Staff }) {
  const t = useT();
  const toast = useToast();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (staff.active) {
      const ok = await confirm({
        title: t.staff.deactivate,
        message: t.staff.deactivateConfirm(staff.fullName),
        confirmText: t.staff.deactivate,
        destructive: true,
      });
      if (!ok) return;
    }
    setBusy(true);
    try {
      await (staff.active ? staffApi.deactivate(staff.id) : staffApi.activate(staff.id));
      queryClient.setQueryData<Staff>(staffKeys.one(staff.id), (old) => (old ? { ...old, active: !staff.active } : old));
      void queryClient.invalidateQueries({ queryKey: staffKeys.one(staff.id) });
      void queryClient.invalidateQueries({ queryKey: ['table', 'staff'] });
      void queryClient.invalidateQueries({ queryKey: ['audit-log', 'staff', staff.id] });
      toast.success(staff.active ? t.staff.deactivated : t.staff.activated);
    } catch (err) {
      toast.error(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button variant="outlined" color={staff.active ? 'error' : 'success'} onClick={() => void run()} disabled={busy}>
      {staff.active ? t.staff.deactivate : t.staff.activate}
    </Button>
  );
}
