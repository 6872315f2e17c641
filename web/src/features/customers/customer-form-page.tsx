import ArrowBack from '@mui/icons-material/ArrowBack';
import ArrowForward from '@mui/icons-material/ArrowForward';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { customerCreate } from '@common/contracts/customers.contract.js';
import { isApiError } from '../../app/api-client.js';
import { useCan } from '../../app/auth/can.js';
import { errorText } from '../../app/format.js';
import { useLocale, useT } from '../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../app/navigation.js';
import { useFormState, type FieldErrors } from '../../components/ui/form/use-form-state.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { RecordHistory } from '../../components/ui/record-history.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { NotFoundPage } from '../errors/not-found-page.js';
import { customerKeys, fetchCustomer, useCustomer, type CustomerDetail } from './customers-api.js';
import { CustomerAddressesEditor } from './form/customer-addresses-editor.js';
import { CustomerContactsEditor } from './form/customer-contacts-editor.js';
import { createInputOf, EMPTY_CUSTOMER_FORM, toFormValues, type CustomerFormValues } from './form/customer-form-values.js';
import { CustomerIdentityFields, CustomerSalesFields } from './form/customer-main-fields.js';
import { createCustomer, updateCustomer } from './form/save-customer.js';
import { useCustomerFieldLabels, useCustomerHistoryFormat } from './detail/field-labels.js';

/** The shared contract checks the form before it is sent (same messages as the server). */
function clientErrors(values: CustomerFormValues): FieldErrors {
  const parsed = customerCreate.safeParse(createInputOf(values));
  const out: FieldErrors = {};
  if (!parsed.success) for (const issue of parsed.error.issues) out[issue.path.join('.')] ??= issue.message;
  return out;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card component="section" aria-label={title}>
      <CardContent>
        <Typography variant="h3" component="h2" sx={{ mb: 2 }}>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** /customers/new and /customers/:id/edit */
export function CustomerFormPage() {
  const { id } = useParams();
  const isNew = !id;
  const t = useT();
  const { dir } = useLocale();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canSave = useCan(isNew ? PERMISSIONS.customersCreate : PERMISSIONS.customersEdit);
  const customer = useCustomer(id);
  const form = useFormState<CustomerFormValues>(EMPTY_CUSTOMER_FORM);
  const fieldLabels = useCustomerFieldLabels();
  const historyValue = useCustomerHistoryFormat();
  // The record the form was filled from (and diffs against). Filled once per record; later server data
  // (after a save or a conflict) replaces it only on purpose, never over what the person typed.
  const server = useRef<CustomerDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const { reset } = form;
  useEffect(() => {
    if (customer.data && server.current?.id !== customer.data.id) {
      server.current = customer.data;
      reset(toFormValues(customer.data));
    }
  }, [customer.data, reset]);

  if (!isNew && customer.isPending) return <PageLoader />;
  if (!isNew && customer.isError) {
    if (isApiError(customer.error) && customer.error.status === 404) return <NotFoundPage />;
    return <Alert severity="error">{errorText(customer.error, t)}</Alert>;
  }

  const showError = (err: unknown) => {
    if (isApiError(err) && err.code === 'conflict') return setConflict(true);
    const onFields = form.applyServerErrors(err);
    const message = errorText(err, t);
    // A duplicate names the other customer: show the server's sentence, not just «fix the errors».
    setGeneral(onFields && isApiError(err) && err.code === 'validation' ? t.customers.fixErrors : message);
    toast.error(message);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!canSave || busy) return;
    setGeneral(null);
    const local = clientErrors(form.values);
    if (Object.keys(local).length > 0) {
      form.setErrors(local);
      setGeneral(t.customers.fixErrors);
      return;
    }
    setBusy(true);
    try {
      if (isNew) {
        const created = await createCustomer(form.values);
        queryClient.setQueryData(customerKeys.one(created.id), created);
        void queryClient.invalidateQueries({ queryKey: ['table', 'customers'] });
        toast.success(t.customers.created);
        navigate(`/customers/${created.id}`, { replace: true });
        return;
      }
      if (!id || !server.current) return;
      const result = await updateCustomer(id, form.values, server.current);
      const fresh = await queryClient.fetchQuery({ queryKey: customerKeys.one(id), queryFn: () => fetchCustomer(id), staleTime: 0 }).catch(() => null);
      void queryClient.invalidateQueries({ queryKey: ['table', 'customers'] });
      void queryClient.invalidateQueries({ queryKey: ['audit-log', 'customer', id] });
      void queryClient.invalidateQueries({ queryKey: customerKeys.timeline(id) });
      if (result.error) {
        // Rows the server already created keep their new ids, so saving again does not add them twice.
        const ids = result.createdIds;
        const values = form.values;
        // After a conflict keep the old version: saving again must not silently overwrite the other change.
        const conflicted = isApiError(result.error) && result.error.code === 'conflict';
        if (fresh && !conflicted) server.current = fresh;
        form.set('contacts', values.contacts.map((r) => (ids[r.key] ? { ...r, id: ids[r.key] } : r)));
        form.set('addresses', values.addresses.map((r) => (ids[r.key] ? { ...r, id: ids[r.key] } : r)));
        showError(result.error);
        return;
      }
      toast.success(t.common.saved);
      navigate(`/customers/${id}`);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  }

  // Take the latest record from the server; what was typed is dropped (the alert says so).
  const reloadRecord = () => {
    const latest = id ? queryClient.getQueryData<CustomerDetail>(customerKeys.one(id)) : undefined;
    if (latest) {
      server.current = latest;
      reset(toFormValues(latest));
    } else void customer.refetch();
    setConflict(false);
    setGeneral(null);
  };

  const disabled = !canSave;
  const BackIcon = dir === 'rtl' ? ArrowForward : ArrowBack;
  const backTo = isNew ? '/customers' : `/customers/${id}`;
  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate>
      <PageHeader
        title={isNew ? t.customers.createTitle : customer.data?.displayName || t.customers.editTitle}
        subtitle={!isNew && t.customers.editTitle}
        back={
          <IconButton component={RouterLink} to={backTo} aria-label={t.common.back}>
            <BackIcon />
          </IconButton>
        }
        actions={
          <>
            <Button component={RouterLink} to={backTo} disabled={busy}>
              {t.common.cancel}
            </Button>
            {canSave && (
              <Button type="submit" variant="contained" disabled={busy}>
                {t.common.save}
              </Button>
            )}
          </>
        }
      />
      {conflict && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" size="small" onClick={reloadRecord}>
              {t.customers.reloadRecord}
            </Button>
          }
        >
          {t.customers.conflict}
        </Alert>
      )}
      {general && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {general}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: isNew ? 12 : 8 }}>
          <Stack spacing={2}>
            <Section title={t.customers.sectionIdentity}>
              <CustomerIdentityFields form={form} disabled={disabled} />
            </Section>
            <Section title={t.customers.sectionContact}>
              <CustomerSalesFields form={form} disabled={disabled} />
            </Section>
            <Section title={t.customers.sectionContacts}>
              <CustomerContactsEditor form={form} disabled={disabled} />
            </Section>
            <Section title={t.customers.sectionAddresses}>
              <CustomerAddressesEditor form={form} disabled={disabled} />
            </Section>
            <Section title={t.customers.sectionNotes}>
              <TextField {...form.text('notes')} label={t.customers.fields.notes} multiline minRows={3} disabled={disabled} />
            </Section>
          </Stack>
        </Grid>
        {!isNew && id && (
          <Grid size={{ xs: 12, lg: 4 }}>
            <RecordHistory entity="customer" entityId={id} fieldLabels={fieldLabels} formatValue={historyValue} />
          </Grid>
        )}
      </Grid>
    </Box>
  );
}
