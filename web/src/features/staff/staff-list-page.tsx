import AddOutlined from '@mui/icons-material/AddOutlined';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Can, useCan } from '../../app/auth/can.js';
import { useFormat } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../app/navigation.js';
import { DataTable } from '../../components/ui/data-table/data-table.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { UnitSelect } from '../units/unit-select.js';
import { staffColumns } from './staff-columns.js';
import { fetchStaffPage } from './staff-api.js';

type ActiveFilter = '' | 'true' | 'false';

export function StaffListPage() {
  const t = useT();
  const f = useFormat();
  const navigate = useNavigate();
  const canExport = useCan(PERMISSIONS.staffExport);
  const [active, setActive] = useState<ActiveFilter>('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const columns = useMemo(() => staffColumns(t, f), [t, f]);
  const filters = useMemo(() => ({ active: active || undefined, unitId: unitId ?? undefined }), [active, unitId]);

  return (
    <>
      <PageHeader
        title={t.staff.title}
        actions={
          <Can permission={PERMISSIONS.staffCreate}>
            <Button component={RouterLink} to="/staff/new" variant="contained" startIcon={<AddOutlined />}>
              {t.staff.create}
            </Button>
          </Can>
        }
      />
      <DataTable
        id="staff"
        aria-label={t.staff.title}
        columns={columns}
        fetchPage={fetchStaffPage}
        filters={filters}
        hiddenColumns={['email', 'managerName']}
        initialSort={[{ field: 'createdAt', sort: 'desc' }]}
        checkboxSelection
        exportUrl={canExport ? '/api/staff/export' : undefined}
        onRowClick={(row) => navigate(`/staff/${row.id}`)}
        filterSlot={
          <>
            <TextField
              select
              label={t.staff.activeFilter}
              value={active}
              onChange={(e) => setActive(e.target.value as ActiveFilter)}
              sx={{ width: 140 }}
              fullWidth={false}
            >
              <MenuItem value="">{t.common.all}</MenuItem>
              <MenuItem value="true">{t.common.active}</MenuItem>
              <MenuItem value="false">{t.common.inactive}</MenuItem>
            </TextField>
            <UnitSelect label={t.staff.unitFilter} value={unitId} onChange={setUnitId} emptyLabel={t.common.all} fullWidth={false} sx={{ width: 200 }} />
          </>
        }
      />
    </>
  );
}
