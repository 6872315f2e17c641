import ArrowForward from '@mui/icons-material/ArrowForward';
import ArrowBack from '@mui/icons-material/ArrowBack';
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
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../app/api-client.js';
import { useCan } from '../../app/auth/can.js';
import { errorText } from '../../app/format.js';
import { useLocale, useT } from '../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../app/navigation.js';
import { useFormState } from '../../components/ui/form/use-form-state.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { RecordHistory } from '../../components/ui/record-history.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { NotFoundPage } from '../errors/not-found-page.js';
import { staffApi, staffKeys, useStaff, type Staff, type StaffInput } from './staff-api.js';
import { EMPTY_STAFF_FORM, StaffAccessFields, StaffIdentityFields, type StaffFormValues } from './staff-form-fields.js';
import { StaffImages } from './staff-images.js';
import { StaffSalesLimits } from './staff-sales-limits.js';
import { StaffStatusButton } from './staff-status-button.js';

function toForm(s: Staff): StaffFormValues {
  return {
    personnelCode: s.personnelCode ?? '',
    firstName: s.firstName,
    lastName: s.lastName,
    username: s.username,
    mobile: s.mobile ?? '',
    email: s.email ?? '',
    password: '',
    jobPositionId: s.jobPositionId ?? '',
    manager: s.managerId ? { id: s.managerId, name: s.managerName ?? '' } : null,
    unitId: s.unitId,
    roleIds: s.roleIds ?? [],
    groupIds: s.groupIds ?? [],
  };
}

function toInput(v: StaffFormValues, isNew: boolean): StaffInput {
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    personnelCode: orNull(v.personnelCode),
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    username: v.username.trim(),
    mobile: orNull(v.mobile),
    email: orNull(v.email),
    ...(isNew ? { password: v.password } : {}),
    jobPositionId: orNull(v.jobPositionId),
    managerId: v.manager?.id ?? null,
    unitId: v.unitId,
    roleIds: v.roleIds,
    groupIds: v.groupIds,
  };
}

const STAFF_FIELDS = ['personnelCode', 'firstName', 'lastName', 'username', 'mobile', 'email', 'password'] as const;

/** /staff/new and /staff/:id — create or edit one staff member. */
export function StaffFormPage() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const t = useT();
  const { dir } = useLocale();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canEdit = useCan(isNew ? PERMISSIONS.staffCreate : PERMISSIONS.staffEdit);
  const canEditLimits = useCan(PERMISSIONS.staffEdit);
  const staff = useStaff(isNew ? undefined : id);
  const form = useFormState<StaffFormValues>(EMPTY_STAFF_FORM);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const pendingImages = useRef<{ photo?: File | null; signature?: File | null }>({});

  const { reset } = form;
  useEffect(() => {
    if (staff.data) reset(toForm(staff.data));
  }, [staff.data, reset]);

  if (!isNew && staff.isPending) return <PageLoader />;
  if (!isNew && staff.isError) {
    if (isApiError(staff.error) && staff.error.status === 404) return <NotFoundPage />;
    return <Alert severity="error">{errorText(staff.error, t)}</Alert>;
  }

  const readOnly = !canEdit;
  const record = staff.data;

  async function uploadPending(staffId: string) {
    const { photo, signature } = pendingImages.current;
    const jobs: Promise<unknown>[] = [];
    if (photo) jobs.push(api.upload(staffApi.photoUrl(staffId), photo));
    if (signature) jobs.push(api.upload(staffApi.signatureUrl(staffId), signature));
    const results = await Promise.allSettled(jobs);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) toast.error(errorText(failed.reason, t));
    pendingImages.current = {};
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (readOnly) return;
    const missing: Record<string, string> = {};
    for (const f of ['firstName', 'lastName', 'username'] as const) if (!form.values[f].trim()) missing[f] = t.common.required;
    if (isNew && !form.values.password) missing.password = t.common.required;
    if (Object.keys(missing).length > 0) return form.setErrors(missing);
    setBusy(true);
    setGeneral(null);
    try {
      const input = toInput(form.values, isNew);
      if (isNew) {
        const created = await staffApi.create(input);
        await uploadPending(created.id);
        toast.success(t.staff.created);
        void queryClient.invalidateQueries({ queryKey: ['table', 'staff'] });
        navigate(`/staff/${created.id}`, { replace: true });
      } else if (id) {
        const updated = await staffApi.update(id, input);
        if (updated && typeof updated === 'object' && 'id' in updated) queryClient.setQueryData(staffKeys.one(id), updated);
        else void queryClient.invalidateQueries({ queryKey: staffKeys.one(id) });
        void queryClient.invalidateQueries({ queryKey: ['table', 'staff'] });
        void queryClient.invalidateQueries({ queryKey: ['audit-log', 'staff', id] });
        toast.success(t.common.saved);
      }
    } catch (err) {
      const onFields = form.applyServerErrors(err);
      const message = errorText(err, t);
      if (!onFields) setGeneral(message);
      toast.error(message);
    } finally {
      setBusy(false);
    }
  }

  const BackIcon = dir === 'rtl' ? ArrowForward : ArrowBack;
  const title = isNew ? t.staff.createTitle : record?.fullName || t.staff.editTitle;
  return (
    <Box component="form" onSubmit={submit} noValidate>
      <PageHeader
        title={title}
        back={
          <IconButton component={RouterLink} to="/staff" aria-label={t.common.back}>
            <BackIcon />
          </IconButton>
        }
        subtitle={
          record && (
            <Chip size="small" color={record.active ? 'success' : 'default'} label={record.active ? t.common.active : t.common.inactive} component="span" />
          )
        }
        actions={
          <>
            {record && canEdit && <StaffStatusButton staff={record} />}
            {canEdit && (
              <Button type="submit" variant="contained" disabled={busy}>
                {t.common.save}
              </Button>
            )}
          </>
        }
      />
      {general && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {general}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Stack spacing={2}>
            <Card>
              <CardContent>
                <Typography variant="h3" component="h2" sx={{ mb: 2 }}>
                  {t.staff.sectionIdentity}
                </Typography>
                <StaffIdentityFields form={form} readOnly={readOnly} isNew={isNew} />
              </CardContent>
            </Card>
            <Card>
              <CardContent>
                <Typography variant="h3" component="h2" sx={{ mb: 2 }}>
                  {t.staff.sectionAccess}
                </Typography>
                <StaffAccessFields form={form} readOnly={readOnly} isNew={isNew} selfId={record?.id} />
              </CardContent>
            </Card>
            {record && <StaffSalesLimits userId={record.id} canEdit={canEditLimits} />}
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Stack spacing={2}>
            <StaffImages
              staff={record}
              readOnly={readOnly}
              onPending={(kind, file) => {
                pendingImages.current[kind] = file;
              }}
            />
            {record && (
              <RecordHistory
                entity="staff"
                entityId={record.id}
                fieldLabels={Object.fromEntries(STAFF_FIELDS.map((k) => [k, t.staff[k]]).concat([
                  ['jobPositionId', t.staff.jobPosition],
                  ['managerId', t.staff.manager],
                  ['unitId', t.staff.unit],
                  ['roleIds', t.staff.roles],
                  ['groupIds', t.staff.groups],
                  ['active', t.common.status],
                  ['photoFileId', t.staff.photo],
                  ['signatureFileId', t.staff.signature],
                ]))}
              />
            )}
          </Stack>
        </Grid>
      </Grid>
    </Box>
  );
}
