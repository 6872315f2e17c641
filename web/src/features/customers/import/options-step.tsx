import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import { useT } from '../../../app/i18n/locale-provider.js';
import { matchMissing, MatchFieldsChoice, PolicyChoice, ValidateFooter } from '../../../components/import/duplicate-options.js';
import { StaffAutocomplete, type StaffRef } from '../../staff/staff-autocomplete.js';
import { MATCH_FIELDS, type ImportPolicy, type MatchField } from './import-api.js';

export type ImportOptions = { policy: ImportPolicy; matchFields: MatchField[]; owner: StaffRef | null; defaultKind: 'natural' | 'legal' };
export const DEFAULT_OPTIONS: ImportOptions = { policy: 'skip', matchFields: ['nationalId', 'legalId', 'economicCode', 'mobile'], owner: null, defaultKind: 'natural' };

type Props = {
  value: ImportOptions;
  onChange: (v: ImportOptions) => void;
  /** Fields some column is mapped to: only those can decide a match. */
  mapped: ReadonlySet<string>;
  busy: boolean;
  /** How far the validation pass is, while it runs. */
  checking: { processedRows: number; totalRows: number } | null;
  error: string | null;
  onBack: () => void;
  onNext: () => void;
};

/** Keep the match fields that some column provides; none left → the recommended ones that are mapped. */
export function matchFieldsFor(current: MatchField[], mapped: ReadonlySet<string>): MatchField[] {
  const kept = current.filter((f) => mapped.has(f));
  return kept.length > 0 ? kept : DEFAULT_OPTIONS.matchFields.filter((f) => mapped.has(f));
}

/** Step 3: what to do with rows matching an existing customer, which fields decide a match, owner of new ones. */
export function OptionsStep({ value, onChange, mapped, busy, checking, error, onBack, onNext }: Props) {
  const t = useT();
  const I = t.customerImport;
  return (
    <Stack spacing={3}>
      <PolicyChoice texts={I} value={value.policy} onChange={(policy) => onChange({ ...value, policy })} disabled={busy} />
      <MatchFieldsChoice
        texts={I}
        fields={MATCH_FIELDS}
        labelOf={(f) => t.customers.fields[f] ?? f}
        value={value.matchFields}
        onChange={(matchFields) => onChange({ ...value, matchFields })}
        mapped={mapped}
        disabled={busy}
      />
      <FormControl disabled={busy}>
        <FormLabel id="import-kind-label" sx={{ fontWeight: 700 }}>
          {I.defaultKind}
        </FormLabel>
        <RadioGroup row aria-labelledby="import-kind-label" value={value.defaultKind} onChange={(e) => onChange({ ...value, defaultKind: e.target.value === 'legal' ? 'legal' : 'natural' })}>
          <FormControlLabel value="natural" control={<Radio />} label={t.customers.natural} />
          <FormControlLabel value="legal" control={<Radio />} label={t.customers.legal} />
        </RadioGroup>
      </FormControl>
      <Box sx={{ maxWidth: 420 }}>
        <StaffAutocomplete label={I.owner} value={value.owner} onChange={(owner) => onChange({ ...value, owner })} disabled={busy} />
      </Box>
      <ValidateFooter
        texts={I}
        busy={busy}
        error={error}
        checking={checking}
        // Without any mappable match column there is nothing to compare: every row is new.
        canValidate={!matchMissing(value.matchFields, MATCH_FIELDS, mapped)}
        onBack={onBack}
        onValidate={onNext}
      />
    </Stack>
  );
}
