import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import StarRounded from '@mui/icons-material/StarRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { errorText, useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { useConfirm } from '../../../components/ui/confirm-dialog.js';
import { useToast } from '../../../components/ui/toast-provider.js';
import { customerKeys, customersApi, type Address, type Contact, type CustomerDetail } from '../customers-api.js';
import { addressToRow, contactToRow } from '../form/customer-form-values.js';
import { AddressDialog, ContactDialog } from './child-dialogs.js';

function useRefresh(customerId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: customerKeys.one(customerId) }),
      queryClient.invalidateQueries({ queryKey: ['audit-log'] }),
      queryClient.invalidateQueries({ queryKey: customerKeys.timeline(customerId) }),
    ]);
}

function CardShell({ title, action, children }: { title: string; action: ReactNode; children: ReactNode }) {
  return (
    <Card component="section" aria-label={title}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
          <Typography variant="h3" component="h2" sx={{ flex: 1 }}>
            {title}
          </Typography>
          {action}
        </Box>
        {children}
      </CardContent>
    </Card>
  );
}

type CardProps = { customer: CustomerDetail; canEdit: boolean };

export function ContactsCard({ customer, canEdit }: CardProps) {
  const t = useT();
  const f = useFormat();
  const toast = useToast();
  const confirm = useConfirm();
  const refresh = useRefresh(customer.id);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const C = t.customers;
  const remove = async (c: Contact) => {
    const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
    if (!(await confirm({ title: C.deleteContactConfirm(name), confirmText: t.common.delete, destructive: true }))) return;
    try {
      await customersApi.removeContact(customer.id, c.id);
      await refresh();
      toast.success(t.common.deleted);
    } catch (err) {
      toast.error(errorText(err, t));
    }
  };
  return (
    <CardShell title={C.sectionContacts} action={canEdit && <Button startIcon={<AddOutlined />} onClick={() => setEditing('new')}>{C.addContact}</Button>}>
      {customer.contacts.length === 0 && <Typography color="text.secondary">{C.noContacts}</Typography>}
      <List dense disablePadding>
        {customer.contacts.map((c) => {
          const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
          return (
            <ListItem
              key={c.id}
              divider
              sx={{ pr: 11 }}
              secondaryAction={
                canEdit && (
                  <>
                    <IconButton size="small" aria-label={`${t.common.edit}: ${name}`} onClick={() => setEditing(c)}>
                      <EditOutlined fontSize="small" />
                    </IconButton>
                    <IconButton size="small" aria-label={`${t.common.delete}: ${name}`} onClick={() => void remove(c)}>
                      <DeleteOutline fontSize="small" />
                    </IconButton>
                  </>
                )
              }
            >
              <ListItemText
                primary={
                  <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                    {name}
                    {c.position && <Typography component="span" variant="body2" color="text.secondary">— {c.position}</Typography>}
                    {c.isPrimary && (
                      <Tooltip title={C.primaryContact}>
                        <StarRounded fontSize="small" color="warning" aria-label={C.primaryContact} />
                      </Tooltip>
                    )}
                  </Box>
                }
                secondary={
                  <Box component="span" sx={{ display: 'inline-flex', gap: 2, flexWrap: 'wrap' }}>
                    {c.mobile && <Link href={`tel:${c.mobile}`} dir="ltr">{f.digits(c.mobile)}</Link>}
                    {c.phone && <Link href={`tel:${c.phone}`} dir="ltr">{f.digits(c.phone)}</Link>}
                    {c.email && <Link href={`mailto:${c.email}`} dir="ltr">{c.email}</Link>}
                  </Box>
                }
              />
            </ListItem>
          );
        })}
      </List>
      <ContactDialog
        open={editing !== null}
        initial={editing && editing !== 'new' ? contactToRow(editing) : null}
        onClose={() => setEditing(null)}
        onSave={async (input) => {
          if (editing && editing !== 'new') await customersApi.updateContact(customer.id, editing.id, input);
          else await customersApi.addContact(customer.id, input);
          await refresh();
          toast.success(t.common.saved);
        }}
      />
    </CardShell>
  );
}

export function AddressesCard({ customer, canEdit }: CardProps) {
  const t = useT();
  const f = useFormat();
  const toast = useToast();
  const confirm = useConfirm();
  const refresh = useRefresh(customer.id);
  const [editing, setEditing] = useState<Address | 'new' | null>(null);
  const C = t.customers;
  const remove = async (a: Address) => {
    if (!(await confirm({ title: C.deleteAddressConfirm, message: a.address, confirmText: t.common.delete, destructive: true }))) return;
    try {
      await customersApi.removeAddress(customer.id, a.id);
      await refresh();
      toast.success(t.common.deleted);
    } catch (err) {
      toast.error(errorText(err, t));
    }
  };
  return (
    <CardShell title={C.sectionAddresses} action={canEdit && <Button startIcon={<AddOutlined />} onClick={() => setEditing('new')}>{C.addAddress}</Button>}>
      {customer.addresses.length === 0 && <Typography color="text.secondary">{C.noAddresses}</Typography>}
      <List dense disablePadding>
        {customer.addresses.map((a, i) => {
          const label = a.title || C.addressNumber(f.digits(i + 1));
          return (
            <ListItem
              key={a.id}
              divider
              sx={{ pr: 11 }}
              secondaryAction={
                canEdit && (
                  <>
                    <IconButton size="small" aria-label={`${t.common.edit}: ${label}`} onClick={() => setEditing(a)}>
                      <EditOutlined fontSize="small" />
                    </IconButton>
                    <IconButton size="small" aria-label={`${t.common.delete}: ${label}`} onClick={() => void remove(a)}>
                      <DeleteOutline fontSize="small" />
                    </IconButton>
                  </>
                )
              }
            >
              <ListItemText
                primary={
                  <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                    {label}
                    {a.isPrimary && <StarRounded fontSize="small" color="warning" aria-label={C.primaryAddress} />}
                  </Box>
                }
                secondary={
                  <>
                    {f.digits([a.provinceName, a.cityName && a.cityName !== a.provinceName ? a.cityName : null, a.address].filter(Boolean).join('، '))}
                    {a.postalCode && ` — ${C.postalCode}: ${f.digits(a.postalCode)}`}
                    {a.phone && (
                      <>
                        {' — '}
                        <Link href={`tel:${a.phone}`} dir="ltr">{f.digits(a.phone)}</Link>
                      </>
                    )}
                  </>
                }
              />
            </ListItem>
          );
        })}
      </List>
      <AddressDialog
        open={editing !== null}
        initial={editing && editing !== 'new' ? addressToRow(editing) : null}
        onClose={() => setEditing(null)}
        onSave={async (input) => {
          if (editing && editing !== 'new') await customersApi.updateAddress(customer.id, editing.id, input);
          else await customersApi.addAddress(customer.id, input);
          await refresh();
          toast.success(t.common.saved);
        }}
      />
    </CardShell>
  );
}
