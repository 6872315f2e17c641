import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useFormat } from '../../app/format.js';
import { useLabel } from '../../app/i18n/locale-provider.js';
import type { ImportPreview, ImportWizardTexts } from './import-kit.js';

export type ColumnMapping = Record<number, string>;

/** The suggestion as the editable mapping ('' = ignore). */
export function initialMapping(p: ImportPreview): ColumnMapping {
  return Object.fromEntries(p.headers.map((_, i) => [i, p.suggestedMapping[String(i)] ?? '']));
}

/** Fields chosen for more than one column. */
export function duplicateFields(m: ColumnMapping): string[] {
  const seen = new Map<string, number>();
  for (const v of Object.values(m)) if (v) seen.set(v, (seen.get(v) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
}

type Props = { texts: ImportWizardTexts; preview: ImportPreview; mapping: ColumnMapping; onChange: (m: ColumnMapping) => void; onBack: () => void; onNext: () => void };

/** Step 2: the first rows of the file, with a field select above each column. */
export function MappingStep({ texts: I, preview, mapping, onChange, onBack, onNext }: Props) {
  const f = useFormat();
  const label = useLabel();
  const fieldLabel = new Map(preview.fields.map((x) => [x.key, label(x.label)]));
  const dups = duplicateFields(mapping);
  const mapped = Object.values(mapping).filter(Boolean).length;
  const columnName = (i: number) => preview.headers[i] || f.digits(i + 1);
  return (
    <>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
        <Typography sx={{ fontWeight: 600 }}>
          <bdi>{preview.filename}</bdi> — {I.fileRows(f.number(preview.totalRows))}
        </Typography>
        <Chip size="small" label={`${I.format}: ${preview.format.toUpperCase()}`} />
        {preview.encoding && <Chip size="small" label={`${I.encoding}: ${preview.encoding}`} />}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {I.mapHint}
      </Typography>
      {dups.map((d) => (
        <Alert key={d} severity="error" sx={{ mb: 1 }}>
          {I.duplicateMapping(fieldLabel.get(d) ?? d)}
        </Alert>
      ))}
      {mapped === 0 && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {I.nothingMapped}
        </Alert>
      )}
      <Box sx={{ overflowX: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
        <Table size="small" aria-label={I.sampleRows(f.number(preview.sampleRows.length))}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 48 }} />
              {preview.headers.map((_, i) => (
                <TableCell key={i} sx={{ minWidth: 170, verticalAlign: 'bottom' }}>
                  <TextField
                    select
                    value={mapping[i] ?? ''}
                    onChange={(e) => onChange({ ...mapping, [i]: e.target.value })}
                    error={Boolean(mapping[i] && dups.includes(mapping[i] ?? ''))}
                    slotProps={{ htmlInput: { 'aria-label': I.columnField(columnName(i)) }, select: { displayEmpty: true } }}
                    sx={{ '& .MuiSelect-select': { color: mapping[i] ? 'text.primary' : 'text.disabled' } }}
                  >
                    <MenuItem value="">{I.ignore}</MenuItem>
                    {preview.fields.map((x) => (
                      <MenuItem key={x.key} value={x.key}>
                        {label(x.label)}
                      </MenuItem>
                    ))}
                  </TextField>
                </TableCell>
              ))}
            </TableRow>
            <TableRow>
              <TableCell>{I.rowNumber}</TableCell>
              {preview.headers.map((h, i) => (
                <TableCell key={i} sx={{ fontWeight: 700, bgcolor: 'action.hover' }}>
                  {h || '—'}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.sampleRows.map((row, r) => (
              <TableRow key={r}>
                <TableCell sx={{ color: 'text.secondary' }}>{f.digits(r + 1)}</TableCell>
                {preview.headers.map((_, i) => (
                  <TableCell key={i} sx={{ whiteSpace: 'nowrap', maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', color: mapping[i] ? 'text.primary' : 'text.disabled' }}>
                    {row[i] ?? ''}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', mt: 2 }}>
        <Button onClick={onBack}>{I.back}</Button>
        <Button variant="contained" onClick={onNext} disabled={dups.length > 0 || mapped === 0}>
          {I.next}
        </Button>
      </Box>
    </>
  );
}
