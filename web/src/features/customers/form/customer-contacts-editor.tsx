import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { PersianNumberInput } from '../../../components/ui/form/persian-number-input.js';
import type { FormState } from '../../../components/ui/form/use-form-state.js';
import { emptyContact, type ContactRow, type CustomerFormValues } from './customer-form-values.js';
import { addRow, removeRow, updateRow } from './row-helpers.js';

type TextKey = 'firstName' | 'lastName' | 'position' | 'email';

/** The contacts sub-table: one row per contact, edited in place; errors under the cell. */
export function CustomerContactsEditor({ form, disabled }: { form: FormState<CustomerFormValues>; disabled: boolean }) {
  const t = useT();
  const f = useFormat();
  const C = t.customers;
  const rows = form.values.contacts;
  const cellError = (i: number, k: string) => form.errors[`contacts.${i}.${k}`];
  const label: Record<TextKey | 'mobile' | 'phone', string> = {
    firstName: C.contactFirstName, lastName: C.contactLastName, position: C.contactPosition, mobile: C.contactMobile, phone: C.contactPhone, email: C.contactEmail,
  };

  const textCell = (row: ContactRow, i: number, k: TextKey, required = false) => (
    <TextField
      value={row[k]}
      onChange={(e) => updateRow(form, 'contacts', i, { [k]: e.target.value })}
      required={required}
      error={Boolean(cellError(i, k))}
      helperText={cellError(i, k)}
      disabled={disabled}
      slotProps={{ htmlInput: { 'aria-label': `${label[k]} ${f.digits(i + 1)}`, ...(k === 'email' ? { dir: 'ltr' } : {}) } }}
    />
  );
  const digitCell = (row: ContactRow, i: number, k: 'mobile' | 'phone') => (
    <PersianNumberInput
      value={row[k]}
      onChange={(v) => updateRow(form, 'contacts', i, { [k]: v })}
      maxDigits={k === 'mobile' ? 12 : 14}
      error={Boolean(cellError(i, k))}
      helperText={cellError(i, k)}
      disabled={disabled}
      slotProps={{ htmlInput: { 'aria-label': `${label[k]} ${f.digits(i + 1)}`, inputMode: 'tel' } }}
    />
  );

  return (
    <Box>
      {rows.length === 0 ? (
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {C.noContacts}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={C.sectionContacts} sx={{ minWidth: 900, '& td': { verticalAlign: 'top', px: 0.5 } }}>
            <TableHead>
              <TableRow>
                <TableCell>{t.customers.fields.firstName}</TableCell>
                <TableCell>{t.customers.fields.lastName}</TableCell>
                <TableCell>{C.position}</TableCell>
                <TableCell>{t.customers.fields.mobile}</TableCell>
                <TableCell>{t.customers.fields.phone}</TableCell>
                <TableCell>{t.customers.fields.email}</TableCell>
                <TableCell>{C.primary}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, i) => (
                <TableRow key={row.key} aria-label={C.contactNumber(f.digits(i + 1))}>
                  <TableCell>{textCell(row, i, 'firstName')}</TableCell>
                  <TableCell>{textCell(row, i, 'lastName', true)}</TableCell>
                  <TableCell>{textCell(row, i, 'position')}</TableCell>
                  <TableCell>{digitCell(row, i, 'mobile')}</TableCell>
                  <TableCell>{digitCell(row, i, 'phone')}</TableCell>
                  <TableCell>{textCell(row, i, 'email')}</TableCell>
                  <TableCell>
                    <Checkbox
                      checked={row.isPrimary}
                      onChange={(e) => updateRow(form, 'contacts', i, { isPrimary: e.target.checked })}
                      disabled={disabled}
                      slotProps={{ input: { 'aria-label': `${C.primaryContact} ${f.digits(i + 1)}` } }}
                    />
                  </TableCell>
                  <TableCell>
                    <IconButton aria-label={`${C.removeRow} ${C.contactNumber(f.digits(i + 1))}`} onClick={() => removeRow(form, 'contacts', i)} disabled={disabled}>
                      <DeleteOutline fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {!disabled && (
        <Button startIcon={<AddOutlined />} onClick={() => addRow(form, 'contacts', emptyContact())} sx={{ mt: 1 }}>
          {C.addContact}
        </Button>
      )}
    </Box>
  );
}
