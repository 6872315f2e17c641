import Stack from '@mui/material/Stack';
import { matchMissing, MatchFieldsChoice, PolicyChoice, ValidateFooter } from '../../../components/import/duplicate-options.js';
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
  return (
    <Stack spacing={3}>
      <PolicyChoice texts={I} value={value.policy} onChange={(policy) => onChange({ ...value, policy })} disabled={busy} />
      <MatchFieldsChoice
        texts={I}
        fields={MATCH_FIELDS}
        labelOf={(f) => I.matchLabels[f] ?? f}
        value={value.matchFields}
        onChange={(matchFields) => onChange({ ...value, matchFields })}
        mapped={mapped}
        disabled={busy}
      />
      <ValidateFooter texts={I} busy={busy} error={error} canValidate={!matchMissing(value.matchFields, MATCH_FIELDS, mapped)} onBack={onBack} onValidate={onNext} />
    </Stack>
  );
}
