import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import type { GridColDef } from '@mui/x-data-grid';
import { fileUrl } from '../../app/api-client.js';
import type { Formatter } from '../../app/format.js';
import type { Messages } from '../../app/i18n/fa.js';
import type { Staff } from './staff-api.js';

/** Columns of the staff list; `field` doubles as the server's sort key where sortable. */
export function staffColumns(t: Messages, f: Formatter): GridColDef<Staff>[] {
  return [
    {
      field: 'personnelCode',
      headerName: t.staff.personnelCode,
      width: 120,
      valueFormatter: (v: string | null) => (v ? f.digits(v) : ''),
    },
    {
      field: 'lastName',
      headerName: t.staff.fullName,
      flex: 1,
      minWidth: 200,
      renderCell: ({ row }) => (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, height: '100%' }}>
          <Avatar src={fileUrl(row.photoFileId)} alt="" sx={{ width: 28, height: 28, fontSize: 12 }}>
            {row.firstName?.[0]}
          </Avatar>
          <span>{row.fullName || `${row.firstName} ${row.lastName}`}</span>
        </Box>
      ),
    },
    { field: 'username', headerName: t.staff.username, width: 140, sortable: false },
    {
      field: 'mobile',
      headerName: t.staff.mobile,
      width: 140,
      sortable: false,
      valueFormatter: (v: string | null) => (v ? f.digits(v) : ''),
    },
    { field: 'email', headerName: t.staff.email, width: 200, sortable: false },
    { field: 'jobPositionName', headerName: t.staff.jobPosition, width: 150, sortable: false },
    { field: 'unitName', headerName: t.staff.unit, width: 160, sortable: false },
    { field: 'managerName', headerName: t.staff.manager, width: 160, sortable: false },
    {
      field: 'active',
      headerName: t.common.status,
      width: 110,
      sortable: false,
      renderCell: ({ value }) => (
        <Chip size="small" color={value ? 'success' : 'default'} variant={value ? 'filled' : 'outlined'} label={value ? t.common.active : t.common.inactive} />
      ),
    },
    {
      field: 'createdAt',
      headerName: t.staff.createdAt,
      width: 130,
      valueFormatter: (v: string) => f.date(v),
    },
  ];
}
