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
import { MATCH_FIELDS, type ImportPolicy, type MatchField } from './import-api.js';
import { useProductImportT } from './import-i18n.js';

export type ImportOptions = { policy: ImportPolicy; matchFields: MatchField[] };
export const DEFAULT_OPTIONS: ImportOptions = { policy: 'skip', matchFields: ['code'] };

/** Keep the match fields some column provides; none left → the code when it is mapped. */
export function matchFieldsFor(current: MatchField[], mapped: ReadonlySet<string>): MatchField[] {
  const kept = current.filter((f) => mapped.has(f));
  return kept.length > 0 ? kept : MATCH_FIELDS.filter((f) => f === 'code' && mapped.has(f));
}

type Props = { value: ImportOptions; onChange: (v: ImportOptions) => void; mapped: ReadonlySet<string>; busy: boolean; error: string | null; onBack: () => void; onNext: () => void };

/** Step 3: what to do with a row whose code (or barcode) an existing product has. */
export function OptionsStep({ value, onChange, mapped, busy, error, onBack, onNext }: Props) {
  const I = useProductImportT();
  const policies: { key: ImportPolicy; label: string; help: string }[] = [
    { key: 'skip', label: I.policySkip, help: I.policySkipHelp },
    { key: 'overwrite', label: I.policyOverwrite, help: I.policyOverwriteHelp },
    { key: 'merge', label: I.policyMerge, help: I.policyMergeHelp },
  ];
  const missing = value.matchFields.length === 0 && MATCH_FIELDS.some((f) => mapped.has(f));
  const toggle = (f: MatchField, on: boolean) =>
    onChange({ ...value, matchFields: on ? MATCH_FIELDS.filter((x) => x === f || value.matchFields.includes(x)) : value.matchFields.filter((x) => x !== f) });
  return (
    <Stack spacing={3}>
      <FormControl disabled={busy}>
        <FormLabel id="product-import-policy" sx={{ fontWeight: 700, mb: 1 }}>{I.policy}</FormLabel>
        <RadioGroup aria-labelledby="product-import-policy" value={value.policy} onChange={(e) => onChange({ ...value, policy: e.target.value as ImportPolicy })}>
          {policies.map((p) => (
            <Box key={p.key} sx={{ mb: 1 }}>
              <FormControlLabel value={p.key} control={<Radio slotProps={{ input: { 'aria-describedby': `product-policy-${p.key}` } }} />} label={p.label} />
              <Typography id={`product-policy-${p.key}`} variant="body2" color="text.secondary" sx={{ pl: 4, mt: -0.5 }}>{p.help}</Typography>
            </Box>
          ))}
        </RadioGroup>
      </FormControl>
      <FormControl disabled={busy} error={missing}>
        <FormLabel id="product-import-match" sx={{ fontWeight: 700 }}>{I.matchFields}</FormLabel>
        <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>{I.matchHint}</Typography>
        <FormGroup row aria-labelledby="product-import-match">
          {MATCH_FIELDS.map((f) => (
            <FormControlLabel key={f} label={I.matchLabels[f] ?? f}
              control={<Checkbox checked={value.matchFields.includes(f)} onChange={(e) => toggle(f, e.target.checked)} disabled={!mapped.has(f)} />} />
          ))}
        </FormGroup>
        {missing && <Typography color="error" variant="body2">{I.matchRequired}</Typography>}
      </FormControl>
      {error && <Alert severity="error">{error}</Alert>}
      {busy && (
        <Box>
          <Typography variant="body2" sx={{ mb: 1 }}>{I.validating}</Typography>
          <LinearProgress />
        </Box>
      )}
      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
        <Button onClick={onBack} disabled={busy}>{I.back}</Button>
        <Button variant="contained" onClick={onNext} disabled={busy || missing}>{I.validate}</Button>
      </Box>
    </Stack>
  );
}
