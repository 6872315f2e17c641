import ArrowBack from '@mui/icons-material/ArrowBack';
import ArrowForward from '@mui/icons-material/ArrowForward';
import CallMergeOutlined from '@mui/icons-material/CallMergeOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api-client.js';
import { useCan } from '../../app/auth/can.js';
import { errorText, useFormat } from '../../app/format.js';
import { useLocale, useT } from '../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../app/navigation.js';
import { useConfirm } from '../../components/ui/confirm-dialog.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { RecordHistory } from '../../components/ui/record-history.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { NotFoundPage } from '../errors/not-found-page.js';
import { customerKeys, customersApi, useCustomer } from './customers-api.js';
import { AddressesCard, ContactsCard } from './detail/customer-children-cards.js';
import { CustomerFacts } from './detail/customer-facts.js';
import { CustomerTimeline } from './detail/customer-timeline.js';
import { useCustomerFieldLabels, useCustomerHistoryFormat } from './detail/field-labels.js';
import { PickMergeDialog } from './merge/pick-merge-dialog.js';
import { NewActivityButton } from '../activities/new-activity-button.js';
import { NotesPanel } from '../notes/notes-panel.js';
import { WallPanel } from '../wall/wall-panel.js';
import { NewReminderButton } from '../reminders/new-reminder-button.js';

/** /customers/:id — the 360° page. */
export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const f = useFormat();
  const { dir } = useLocale();
  const toast = useToast();
  const confirm = useConfirm();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canEdit = useCan(PERMISSIONS.customersEdit);
  const canDelete = useCan(PERMISSIONS.customersDelete);
  const customer = useCustomer(id);
  const fieldLabels = useCustomerFieldLabels();
  const historyValue = useCustomerHistoryFormat();
  const [merging, setMerging] = useState(false);

  if (customer.isPending) return <PageLoader />;
  if (customer.isError) {
    if (isApiError(customer.error) && customer.error.status === 404) return <NotFoundPage />;
    return <Alert severity="error">{errorText(customer.error, t)}</Alert>;
  }
  const c = customer.data;
  const C = t.customers;

  const remove = async () => {
    if (!(await confirm({ title: C.delete, message: C.deleteConfirm(c.displayName), confirmText: t.common.delete, destructive: true }))) return;
    try {
      await customersApi.remove(c.id);
      queryClient.removeQueries({ queryKey: customerKeys.one(c.id) });
      void queryClient.invalidateQueries({ queryKey: ['table', 'customers'] });
      toast.success(C.deleted);
      navigate('/customers', { replace: true });
    } catch (err) {
      toast.error(errorText(err, t));
    }
  };

  const BackIcon = dir === 'rtl' ? ArrowForward : ArrowBack;
  return (
    <>
      <PageHeader
        title={c.displayName}
        back={
          <IconButton component={RouterLink} to="/customers" aria-label={t.common.back}>
            <BackIcon />
          </IconButton>
        }
        subtitle={
          <Box component="span" sx={{ display: 'inline-flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
            <Chip component="span" size="small" label={`${C.fields.code}: ${f.digits(c.code)}`} />
            <Chip component="span" size="small" color="primary" variant="outlined" label={c.kind === 'legal' ? C.legal : C.natural} />
            <Chip component="span" size="small" color={c.ownerName ? 'default' : 'warning'} variant="outlined" label={c.ownerName ? `${C.fields.ownerId}: ${c.ownerName}` : C.noOwner} />
            {c.tags.map((tag) => (
              <Chip component="span" key={tag} size="small" color="secondary" label={f.digits(tag)} />
            ))}
          </Box>
        }
        actions={
          <>
            <NewActivityButton customerId={c.id} customerName={c.displayName} />
            <NewReminderButton seed={{ customerId: c.id, customerName: c.displayName }} />
            {canEdit && (
              <Button component={RouterLink} to={`/customers/${c.id}/edit`} variant="contained" startIcon={<EditOutlined />}>
                {t.common.edit}
              </Button>
            )}
            {canEdit && canDelete && (
              <Button variant="outlined" startIcon={<CallMergeOutlined />} onClick={() => setMerging(true)}>
                {C.mergeWith}
              </Button>
            )}
            {canDelete && (
              <Button variant="outlined" color="error" startIcon={<DeleteOutline />} onClick={() => void remove()}>
                {C.delete}
              </Button>
            )}
          </>
        }
      />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Stack spacing={2}>
            <CustomerFacts customer={c} />
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, md: 6 }}>
                <ContactsCard customer={c} canEdit={canEdit} />
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <AddressesCard customer={c} canEdit={canEdit} />
              </Grid>
            </Grid>
            {c.notes && (
              <Card component="section" aria-label={C.sectionNotes}>
                <CardContent>
                  <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
                    {C.sectionNotes}
                  </Typography>
                  <Typography sx={{ whiteSpace: 'pre-line' }}>{c.notes}</Typography>
                </CardContent>
              </Card>
            )}
            <WallPanel customerId={c.id} />
            <CustomerTimeline customerId={c.id} />
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Stack spacing={2}>
            <NotesPanel customerId={c.id} />
            <RecordHistory entity="customer" entityId={c.id} fieldLabels={fieldLabels} formatValue={historyValue} />
          </Stack>
        </Grid>
      </Grid>
      <PickMergeDialog open={merging} customer={c} onClose={() => setMerging(false)} />
    </>
  );
}
