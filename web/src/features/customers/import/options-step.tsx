import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
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
  const f = useFormat();
  const I = t.customerImport;
  const pct = checking && checking.totalRows > 0 ? Math.min(100, (checking.processedRows / checking.totalRows) * 100) : null;
  const policies: { key: ImportPolicy; label: string; help: string }[] = [
    { key: 'skip', label: I.policySkip, help: I.policySkipHelp },
    { key: 'overwrite', label: I.policyOverwrite, help: I.policyOverwriteHelp },
    { key: 'merge', label: I.policyMerge, help: I.policyMergeHelp },
  ];
  // Without any mappable match column there is nothing to compare: every row is new.
  const missing = value.matchFields.length === 0 && MATCH_FIELDS.some((f) => mapped.has(f));
  const toggle = (f: MatchField, on: boolean) =>
    onChange({ ...value, matchFields: on ? MATCH_FIELDS.filter((x) => x === f || value.matchFields.includes(x)) : value.matchFields.filter((x) => x !== f) });
  return (
    <Stack spacing={3}>
      <FormControl disabled={busy}>
        <FormLabel id="import-policy-label" sx={{ fontWeight: 700, mb: 1 }}>
          {I.policy}
        </FormLabel>
        <RadioGroup aria-labelledby="import-policy-label" value={value.policy} onChange={(e) => onChange({ ...value, policy: e.target.value as ImportPolicy })}>
          {policies.map((p) => (
            <Box key={p.key} sx={{ mb: 1 }}>
              <FormControlLabel value={p.key} control={<Radio slotProps={{ input: { 'aria-describedby': `policy-help-${p.key}` } }} />} label={p.label} />
              <Typography id={`policy-help-${p.key}`} variant="body2" color="text.secondary" sx={{ pl: 4, mt: -0.5 }}>
                {p.help}
              </Typography>
            </Box>
          ))}
        </RadioGroup>
      </FormControl>
      <FormControl disabled={busy} error={missing}>
        <FormLabel id="import-match-label" sx={{ fontWeight: 700 }}>
          {I.matchFields}
        </FormLabel>
        <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
          {I.matchHint}
        </Typography>
        <FormGroup row aria-labelledby="import-match-label">
          {MATCH_FIELDS.map((f) => (
            <FormControlLabel
              key={f}
              control={<Checkbox checked={value.matchFields.includes(f)} onChange={(e) => toggle(f, e.target.checked)} disabled={!mapped.has(f)} />}
              label={t.customers.fields[f] ?? f}
            />
          ))}
        </FormGroup>
        {missing && <Typography color="error" variant="body2">{I.matchRequired}</Typography>}
      </FormControl>
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
      {error && <Alert severity="error">{error}</Alert>}
      {busy && (
        <Box aria-live="polite">
          <Typography variant="body2" sx={{ mb: 1 }}>
            {I.validating}
          </Typography>
          <LinearProgress variant={pct === null ? 'indeterminate' : 'determinate'} value={pct ?? 0} aria-label={I.validating} />
          {checking && checking.totalRows > 0 && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {I.progress(f.number(checking.processedRows), f.number(checking.totalRows))}
            </Typography>
          )}
        </Box>
      )}
      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
        <Button onClick={onBack} disabled={busy}>
          {I.back}
        </Button>
        <Button variant="contained" onClick={onNext} disabled={busy || missing}>
          {I.validate}
        </Button>
      </Box>
    </Stack>
  );
}
