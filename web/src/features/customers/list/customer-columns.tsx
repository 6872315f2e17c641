import BusinessOutlined from '@mui/icons-material/BusinessOutlined';
import PersonOutlined from '@mui/icons-material/PersonOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import type { GridColDef } from '@mui/x-data-grid';
import type { Formatter } from '../../../app/format.js';
import type { Messages } from '../../../app/i18n/fa.js';
import type { Customer } from '../customers-api.js';

/** Hidden until shown in the column chooser. */
export const HIDDEN_CUSTOMER_COLUMNS = [
  'firstName', 'lastName', 'companyName', 'nationalId', 'legalId', 'economicCode', 'registrationNo', 'organizationTypeName',
  'phone', 'email', 'cityName', 'birthDate', 'weddingDate',
];

/** Columns of the customer list; `field` is also the export column key and, where sortable, the sort key. */
export function customerColumns(t: Messages, f: Formatter): GridColDef<Customer>[] {
  const L = t.customers.fields;
  const digits = (v: string | null) => (v ? f.digits(v) : '');
  const text = (field: keyof Customer, width = 140): GridColDef<Customer> => ({ field, headerName: L[field] ?? field, width, sortable: false });
  const num = (field: keyof Customer, width = 130): GridColDef<Customer> => ({ ...text(field, width), valueFormatter: digits });
  return [
    { field: 'code', headerName: L.code, width: 130, valueFormatter: digits },
    {
      field: 'displayName',
      headerName: L.displayName,
      flex: 1,
      minWidth: 200,
      renderCell: ({ row }) => (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, height: '100%' }}>
          {row.kind === 'legal' ? <BusinessOutlined fontSize="small" color="action" /> : <PersonOutlined fontSize="small" color="action" />}
          <span>{row.displayName}</span>
        </Box>
      ),
    },
    {
      field: 'kind',
      headerName: L.kind,
      width: 130,
      sortable: false,
      valueFormatter: (v: Customer['kind']) => (v === 'legal' ? t.customers.legal : t.customers.natural),
    },
    text('firstName', 120),
    text('lastName', 140),
    text('companyName', 180),
    num('nationalId'),
    num('legalId'),
    num('economicCode'),
    num('registrationNo', 120),
    text('organizationTypeName', 140),
    num('mobile'),
    num('phone'),
    text('email', 200),
    text('provinceName', 120),
    text('cityName', 120),
    text('sourceName', 140),
    text('grade', 80),
    {
      field: 'tags',
      headerName: L.tags,
      width: 180,
      sortable: false,
      renderCell: ({ row }) => (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, height: '100%', overflow: 'hidden' }}>
          {row.tags.map((tag) => (
            <Chip key={tag} size="small" label={f.digits(tag)} />
          ))}
        </Box>
      ),
    },
    text('ownerName', 150),
    { ...text('birthDate', 110), valueFormatter: (v: string | null) => f.date(v) },
    { ...text('weddingDate', 110), valueFormatter: (v: string | null) => f.date(v) },
    { field: 'createdAt', headerName: L.createdAt, width: 120, valueFormatter: (v: string) => f.date(v) },
  ];
}
