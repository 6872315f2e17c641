import ArrowBack from '@mui/icons-material/ArrowBack';
import ArrowForward from '@mui/icons-material/ArrowForward';
import CallMergeOutlined from '@mui/icons-material/CallMergeOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useCan } from '../../app/auth/can.js';
import { errorText, useFormat } from '../../app/format.js';
import { useLocale, useT } from '../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../app/navigation.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { customerKeys, customersApi, DUPLICATE_FIELDS, type Customer, type DuplicateField } from './customers-api.js';
import { MergeDialog } from './merge/merge-dialog.js';

type Group = { key: string; customers: Customer[] };

function DuplicateGroup({ group, field, canMerge, onMerge }: { group: Group; field: DuplicateField; canMerge: boolean; onMerge: (a: Customer, b: Customer) => void }) {
  const t = useT();
  const f = useFormat();
  const [picked, setPicked] = useState<string[]>([]);
  const C = t.customers;
  const L = C.fields;
  const key = field === 'name' || field === 'email' ? group.key : f.digits(group.key);
  const title = C.groupOf(key, f.number(group.customers.length));
  const toggle = (id: string) => setPicked((cur) => (cur.includes(id) ? cur.filter((x) => x !== id) : [...cur.slice(-1), id]));
  const pair = picked.map((id) => group.customers.find((c) => c.id === id)).filter((c): c is Customer => Boolean(c));
  return (
    <Card component="section" aria-label={title}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
          <Typography variant="h4" component="h2" sx={{ flex: 1 }}>
            {title}
          </Typography>
          {canMerge && (
            <Button variant="contained" color="warning" startIcon={<CallMergeOutlined />} disabled={pair.length !== 2} onClick={() => pair[0] && pair[1] && onMerge(pair[0], pair[1])}>
              {C.merge}
            </Button>
          )}
        </Box>
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                {canMerge && <TableCell padding="checkbox" />}
                <TableCell>{L.code}</TableCell>
                <TableCell>{L.displayName}</TableCell>
                <TableCell>{L.kind}</TableCell>
                <TableCell>{L.nationalId} / {L.legalId}</TableCell>
                <TableCell>{L.mobile}</TableCell>
                <TableCell>{L.email}</TableCell>
                <TableCell>{L.ownerName}</TableCell>
                <TableCell>{L.createdAt}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {group.customers.map((c) => (
                <TableRow key={c.id} hover selected={picked.includes(c.id)}>
                  {canMerge && (
                    <TableCell padding="checkbox">
                      <Checkbox checked={picked.includes(c.id)} onChange={() => toggle(c.id)} slotProps={{ input: { 'aria-label': C.selectForMerge(`${c.displayName} (${f.digits(c.code)})`) } }} />
                    </TableCell>
                  )}
                  <TableCell>{f.digits(c.code)}</TableCell>
                  <TableCell>
                    <Link component={RouterLink} to={`/customers/${c.id}`}>
                      {c.displayName}
                    </Link>
                  </TableCell>
                  <TableCell>{c.kind === 'legal' ? C.legal : C.natural}</TableCell>
                  <TableCell>{f.digits(c.nationalId ?? c.legalId ?? '')}</TableCell>
                  <TableCell>{f.digits(c.mobile ?? '')}</TableCell>
                  <TableCell dir="ltr">{c.email}</TableCell>
                  <TableCell>{c.ownerName}</TableCell>
                  <TableCell>{f.date(c.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      </CardContent>
    </Card>
  );
}

/** /customers/duplicates — groups of customers sharing a value (or with similar names); merge two of a group. */
export function CustomerDuplicatesPage() {
  const t = useT();
  const { dir } = useLocale();
  const C = t.customers;
  const canEdit = useCan(PERMISSIONS.customersEdit);
  const canDelete = useCan(PERMISSIONS.customersDelete);
  const canMerge = canEdit && canDelete;
  const [params, setParams] = useSearchParams();
  const raw = params.get('field');
  const field: DuplicateField = DUPLICATE_FIELDS.includes(raw as DuplicateField) ? (raw as DuplicateField) : 'nationalId';
  const groups = useQuery({ queryKey: customerKeys.duplicates(field), queryFn: ({ signal }) => customersApi.duplicates(field, signal), select: (d) => d.groups });
  const [merge, setMerge] = useState<[Customer, Customer] | null>(null);
  const fieldLabel = (k: DuplicateField) => (k === 'name' ? C.similarName : (C.fields[k] ?? k));
  const BackIcon = dir === 'rtl' ? ArrowForward : ArrowBack;

  return (
    <>
      <PageHeader
        title={C.duplicatesTitle}
        back={
          <IconButton component={RouterLink} to="/customers" aria-label={t.common.back}>
            <BackIcon />
          </IconButton>
        }
      />
      <Card sx={{ mb: 2 }}>
        <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField select label={C.duplicateField} value={field} onChange={(e) => setParams({ field: e.target.value }, { replace: true })} sx={{ width: 220 }} fullWidth={false}>
            {DUPLICATE_FIELDS.map((k) => (
              <MenuItem key={k} value={k}>
                {fieldLabel(k)}
              </MenuItem>
            ))}
          </TextField>
          <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 240 }}>
            {C.duplicateFieldHint} {canMerge && C.pickTwo}
          </Typography>
        </CardContent>
      </Card>
      {groups.isPending && <Skeleton variant="rounded" height={200} />}
      {groups.isError && <Alert severity="error">{errorText(groups.error, t)}</Alert>}
      {groups.isSuccess && groups.data.length === 0 && <Alert severity="success">{C.noDuplicates}</Alert>}
      <Stack spacing={2}>
        {(groups.data ?? []).map((g) => (
          <DuplicateGroup key={`${field}:${g.key}:${g.customers.map((c) => c.id).join()}`} group={g} field={field} canMerge={canMerge} onMerge={(a, b) => setMerge([a, b])} />
        ))}
      </Stack>
      <MergeDialog open={merge !== null} a={merge?.[0] ?? null} b={merge?.[1] ?? null} onClose={() => setMerge(null)} />
    </>
  );
}
