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
import Typography from '@mui/material/Typography';
import { useFormat } from '../../app/format.js';
import type { ImportPolicy, ImportWizardTexts } from './import-kit.js';

/** Skip, overwrite or merge a row that matches an existing record, each with what it means. */
export function PolicyChoice({ texts: I, value, onChange, disabled }: { texts: ImportWizardTexts; value: ImportPolicy; onChange: (p: ImportPolicy) => void; disabled: boolean }) {
  const policies: { key: ImportPolicy; label: string; help: string }[] = [
    { key: 'skip', label: I.policySkip, help: I.policySkipHelp },
    { key: 'overwrite', label: I.policyOverwrite, help: I.policyOverwriteHelp },
    { key: 'merge', label: I.policyMerge, help: I.policyMergeHelp },
  ];
  return (
    <FormControl disabled={disabled}>
      <FormLabel id="import-policy-label" sx={{ fontWeight: 700, mb: 1 }}>
        {I.policy}
      </FormLabel>
      <RadioGroup aria-labelledby="import-policy-label" value={value} onChange={(e) => onChange(e.target.value as ImportPolicy)}>
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
  );
}

/** No match field chosen although a column could provide one: the check would compare nothing. */
export function matchMissing<F extends string>(chosen: readonly F[], all: readonly F[], mapped: ReadonlySet<string>): boolean {
  return chosen.length === 0 && all.some((f) => mapped.has(f));
}

type MatchProps<F extends string> = {
  texts: ImportWizardTexts;
  /** Every match field, in the order shown (and sent). */
  fields: readonly F[];
  labelOf: (f: F) => string;
  value: F[];
  onChange: (v: F[]) => void;
  /** Fields some column is mapped to: only those can decide a match. */
  mapped: ReadonlySet<string>;
  disabled: boolean;
};

/** The fields that identify an existing record; a field no column provides cannot be chosen. */
export function MatchFieldsChoice<F extends string>({ texts: I, fields, labelOf, value, onChange, mapped, disabled }: MatchProps<F>) {
  const missing = matchMissing(value, fields, mapped);
  const toggle = (f: F, on: boolean) => onChange(on ? fields.filter((x) => x === f || value.includes(x)) : value.filter((x) => x !== f));
  return (
    <FormControl disabled={disabled} error={missing}>
      <FormLabel id="import-match-label" sx={{ fontWeight: 700 }}>
        {I.matchFields}
      </FormLabel>
      <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
        {I.matchHint}
      </Typography>
      <FormGroup row aria-labelledby="import-match-label">
        {fields.map((f) => (
          <FormControlLabel
            key={f}
            control={<Checkbox checked={value.includes(f)} onChange={(e) => toggle(f, e.target.checked)} disabled={!mapped.has(f)} />}
            label={labelOf(f)}
          />
        ))}
      </FormGroup>
      {missing && <Typography color="error" variant="body2">{I.matchRequired}</Typography>}
    </FormControl>
  );
}

type FooterProps = {
  texts: ImportWizardTexts;
  busy: boolean;
  error: string | null;
  /** How far the validation pass is, when the server reports it. */
  checking?: { processedRows: number; totalRows: number } | null;
  canValidate: boolean;
  onBack: () => void;
  onValidate: () => void;
};

/** The options step's end: the refusal, the validation pass's progress, back and «بررسی اطلاعات». */
export function ValidateFooter({ texts: I, busy, error, checking, canValidate, onBack, onValidate }: FooterProps) {
  const f = useFormat();
  const pct = checking && checking.totalRows > 0 ? Math.min(100, (checking.processedRows / checking.totalRows) * 100) : null;
  return (
    <>
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
        <Button variant="contained" onClick={onValidate} disabled={busy || !canValidate}>
          {I.validate}
        </Button>
      </Box>
    </>
  );
}
