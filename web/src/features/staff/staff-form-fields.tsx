import Autocomplete from '@mui/material/Autocomplete';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useT } from '../../app/i18n/locale-provider.js';
import { PersianNumberInput } from '../../components/ui/form/persian-number-input.js';
import type { FormState } from '../../components/ui/form/use-form-state.js';
import { useGroupOptions, useRoleOptions, type Principal } from '../roles/roles-api.js';
import { useJobPositions } from '../settings/job-positions-api.js';
import { UnitSelect } from '../units/unit-select.js';
import { StaffAutocomplete, type StaffRef } from './staff-autocomplete.js';

export type StaffFormValues = {
  personnelCode: string;
  firstName: string;
  lastName: string;
  username: string;
  mobile: string;
  email: string;
  password: string;
  jobPositionId: string;
  manager: StaffRef | null;
  unitId: string | null;
  roleIds: string[];
  groupIds: string[];
};

export const EMPTY_STAFF_FORM: StaffFormValues = {
  personnelCode: '',
  firstName: '',
  lastName: '',
  username: '',
  mobile: '',
  email: '',
  password: '',
  jobPositionId: '',
  manager: null,
  unitId: null,
  roleIds: [],
  groupIds: [],
};

type FieldsProps = { form: FormState<StaffFormValues>; readOnly: boolean; isNew: boolean; selfId?: string | undefined };

export function StaffIdentityFields({ form, readOnly, isNew }: FieldsProps) {
  const t = useT();
  const { values, set, errorOf, text } = form;
  const disabled = readOnly;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField {...text('firstName')} label={t.staff.firstName} required disabled={disabled} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField {...text('lastName')} label={t.staff.lastName} required disabled={disabled} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <PersianNumberInput
          name="personnelCode"
          label={t.staff.personnelCode}
          value={values.personnelCode}
          onChange={(v) => set('personnelCode', v)}
          error={Boolean(errorOf('personnelCode'))}
          helperText={errorOf('personnelCode')}
          disabled={disabled}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField
          {...text('username')}
          label={t.staff.username}
          required
          disabled={disabled}
          autoComplete="off"
          slotProps={{ htmlInput: { dir: 'ltr' } }}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <PersianNumberInput
          name="mobile"
          label={t.staff.mobile}
          value={values.mobile}
          onChange={(v) => set('mobile', v)}
          maxDigits={12}
          error={Boolean(errorOf('mobile'))}
          helperText={errorOf('mobile')}
          disabled={disabled}
          slotProps={{ htmlInput: { inputMode: 'tel', autoComplete: 'tel' } }}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField {...text('email')} label={t.staff.email} type="email" disabled={disabled} slotProps={{ htmlInput: { dir: 'ltr' } }} />
      </Grid>
      {isNew && (
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField {...text('password')} label={t.staff.password} type="password" required autoComplete="new-password" />
        </Grid>
      )}
    </Grid>
  );
}

function PrincipalMultiSelect(props: {
  label: string;
  options: Principal[] | undefined;
  value: string[];
  onChange: (ids: string[]) => void;
  disabled: boolean;
  error: string | undefined;
}) {
  const byId = new Map((props.options ?? []).map((o) => [o.id, o]));
  const selected = props.value.map((id) => byId.get(id)).filter((o): o is Principal => Boolean(o));
  return (
    <Autocomplete<Principal, true>
      multiple
      options={props.options ?? []}
      value={selected}
      onChange={(_e, v) => props.onChange(v.map((o) => o.id))}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterSelectedOptions
      disabled={props.disabled}
      renderInput={(params) => <TextField {...params} label={props.label} error={Boolean(props.error)} helperText={props.error} />}
    />
  );
}

export function StaffAccessFields({ form, readOnly, selfId }: FieldsProps) {
  const t = useT();
  const { values, set, errorOf } = form;
  const jobPositions = useJobPositions();
  const roles = useRoleOptions();
  const groups = useGroupOptions();
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField
          select
          name="jobPositionId"
          label={t.staff.jobPosition}
          value={jobPositions.data?.some((j) => j.id === values.jobPositionId) ? values.jobPositionId : ''}
          onChange={(e) => set('jobPositionId', e.target.value)}
          error={Boolean(errorOf('jobPositionId'))}
          helperText={errorOf('jobPositionId')}
          disabled={readOnly}
        >
          <MenuItem value="">{t.common.none}</MenuItem>
          {(jobPositions.data ?? []).map((j) => (
            <MenuItem key={j.id} value={j.id}>
              {j.name}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <UnitSelect
          name="unitId"
          label={t.staff.unit}
          value={values.unitId}
          onChange={(v) => set('unitId', v)}
          emptyLabel={t.common.none}
          error={Boolean(errorOf('unitId'))}
          helperText={errorOf('unitId')}
          disabled={readOnly}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <StaffAutocomplete
          label={t.staff.manager}
          value={values.manager}
          onChange={(v) => set('manager', v)}
          excludeIds={selfId ? [selfId] : []}
          error={Boolean(errorOf('managerId'))}
          helperText={errorOf('managerId')}
          disabled={readOnly}
        />
      </Grid>
      <Grid size={12}>
        <PrincipalMultiSelect
          label={t.staff.roles}
          options={roles.data}
          value={values.roleIds}
          onChange={(ids) => set('roleIds', ids)}
          disabled={readOnly}
          error={errorOf('roleIds')}
        />
      </Grid>
      <Grid size={12}>
        <PrincipalMultiSelect
          label={t.staff.groups}
          options={groups.data}
          value={values.groupIds}
          onChange={(ids) => set('groupIds', ids)}
          disabled={readOnly}
          error={errorOf('groupIds')}
        />
      </Grid>
    </Grid>
  );
}
