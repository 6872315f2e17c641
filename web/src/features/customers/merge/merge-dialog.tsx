import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorText, useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { useToast } from '../../../components/ui/toast-provider.js';
import { customerKeys, customersApi, type Customer } from '../customers-api.js';

/** The fields a person chooses between (the server's MERGEABLE_FIELDS). */
const MERGE_FIELDS = [
  'kind', 'code', 'firstName', 'lastName', 'companyName', 'nationalId', 'legalId', 'economicCode', 'registrationNo',
  'organizationTypeId', 'birthDate', 'weddingDate', 'mobile', 'phone', 'email', 'website', 'sheba', 'sourceId', 'grade', 'ownerId', 'notes',
] as const;
type Field = (typeof MERGE_FIELDS)[number];

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/** Default choice per field: the survivor's value when it has one, else the other's. */
function defaults(survivor: Customer, other: Customer): Record<Field, string> {
  return Object.fromEntries(MERGE_FIELDS.map((f) => [f, isEmpty(survivor[f]) && !isEmpty(other[f]) ? other.id : survivor.id])) as Record<Field, string>;
}

type Props = { open: boolean; a: Customer | null; b: Customer | null; onClose: () => void };

/** Side by side: for each field a radio chooses which value survives; «ادغام» → the survivor's 360° page. */
export function MergeDialog({ open, a, b, onClose }: Props) {
  const t = useT();
  const f = useFormat();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [survivorId, setSurvivorId] = useState<string>('');
  const [choice, setChoice] = useState<Record<Field, string> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const L = t.customers.fields;

  useEffect(() => {
    if (open && a && b) {
      setSurvivorId(a.id);
      setChoice(defaults(a, b));
      setError(null);
    }
  }, [open, a, b]);

  const pair = useMemo(() => (a && b ? [a, b] : []), [a, b]);
  if (!a || !b || !choice) return null;
  const survivor = survivorId === b.id ? b : a;
  const other = survivor === a ? b : a;

  const show = (c: Customer, field: Field): string => {
    switch (field) {
      case 'kind':
        return c.kind === 'legal' ? t.customers.legal : t.customers.natural;
      case 'organizationTypeId':
        return c.organizationTypeName ?? '';
      case 'sourceId':
        return c.sourceName ?? '';
      case 'ownerId':
        return c.ownerName ?? '';
      case 'birthDate':
      case 'weddingDate':
        return f.date(c[field]);
      case 'email':
      case 'website':
      case 'notes':
      case 'firstName':
      case 'lastName':
      case 'companyName':
      case 'grade':
        return c[field] ?? '';
      default:
        return c[field] ? f.digits(String(c[field])) : '';
    }
  };

  const pickSurvivor = (id: string) => {
    const s = id === b.id ? b : a;
    setSurvivorId(id);
    setChoice(defaults(s, s === a ? b : a));
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const fields = Object.fromEntries(MERGE_FIELDS.map((k) => [k, choice[k] === survivor.id ? 'survivor' : 'merged'])) as Record<string, 'survivor' | 'merged'>;
      const merged = await customersApi.merge(survivor.id, other.id, fields);
      queryClient.setQueryData(customerKeys.one(survivor.id), merged);
      queryClient.removeQueries({ queryKey: customerKeys.one(other.id) });
      void queryClient.invalidateQueries({ queryKey: ['table', 'customers'] });
      void queryClient.invalidateQueries({ queryKey: ['customers', 'duplicates'] });
      void queryClient.invalidateQueries({ queryKey: customerKeys.timeline(survivor.id) });
      toast.success(t.customers.mergeDone);
      onClose();
      navigate(`/customers/${survivor.id}`);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="md" fullWidth>
      <DialogTitle>{t.customers.mergeTitle}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t.customers.mergeHint}
        </Typography>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t.customers.mergeTitle}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 160 }}>{t.customers.mergeField}</TableCell>
                {pair.map((c) => (
                  <TableCell key={c.id}>
                    <FormControlLabel
                      control={<Radio checked={survivorId === c.id} onChange={() => pickSurvivor(c.id)} />}
                      label={
                        <Box>
                          <Typography sx={{ fontWeight: 700 }}>{c.displayName}</Typography>
                          <Typography variant="caption" color={survivorId === c.id ? 'success.main' : 'error.main'}>
                            {f.digits(c.code)} — {survivorId === c.id ? t.customers.survivor : t.customers.mergedAway}
                          </Typography>
                        </Box>
                      }
                      slotProps={{ typography: { component: 'div' } }}
                      aria-label={`${t.customers.keepThis}: ${c.displayName} (${f.digits(c.code)})`}
                    />
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {MERGE_FIELDS.map((field) => {
                const values = pair.map((c) => show(c, field));
                const same = values[0] === values[1];
                const label = L[field] ?? field;
                return (
                  <TableRow key={field} role="radiogroup" aria-label={label} hover>
                    <TableCell sx={{ fontWeight: 600 }}>{label}</TableCell>
                    {pair.map((c, i) => (
                      <TableCell key={c.id} sx={{ bgcolor: choice[field] === c.id && !same ? 'action.selected' : undefined }}>
                        {same ? (
                          <Typography variant="body2" color={values[i] ? 'text.primary' : 'text.disabled'}>
                            {values[i] || t.customers.noValue}
                          </Typography>
                        ) : (
                          <FormControlLabel
                            control={<Radio size="small" checked={choice[field] === c.id} onChange={() => setChoice({ ...choice, [field]: c.id })} />}
                            label={values[i] || t.customers.noValue}
                            aria-label={`${label}: ${values[i] || t.customers.noValue} (${f.digits(c.code)})`}
                            sx={{ color: values[i] ? 'text.primary' : 'text.disabled', m: 0 }}
                          />
                        )}
                      </TableCell>
                    ))}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t.common.cancel}
        </Button>
        <Button variant="contained" color="warning" onClick={() => void submit()} disabled={busy}>
          {t.customers.merge}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
