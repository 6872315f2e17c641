import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import NativeSelect from '@mui/material/NativeSelect';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { SCOPES, type Scope } from '../../app/auth/use-me.js';
import { errorText } from '../../app/format.js';
import { useLabel, useT } from '../../app/i18n/locale-provider.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { principalApi, principalKeys, usePermissionCatalog, type Grant, type Label, type PrincipalKind } from './roles-api.js';

type Cell = Scope | 'none';
type Matrix = Record<string, Cell>;

const LEVEL: Record<Cell, number> = { none: 0, own: 1, unit: 2, subunits: 3, all: 4 };

function toMatrix(grants: readonly Grant[]): Matrix {
  return Object.fromEntries(grants.map((g) => [g.permission, g.scope]));
}

function toGrants(m: Matrix): Grant[] {
  return Object.entries(m)
    .filter((e): e is [string, Scope] => e[1] !== 'none')
    .map(([permission, scope]) => ({ permission, scope }))
    .sort((a, b) => a.permission.localeCompare(b.permission));
}

/** Modules × operations; each cell chooses the record scope: ندارد / خودش / واحد خودش / واحد و زیرواحدها / همه. */
export function PermissionMatrix({ kind, principalId, readOnly }: { kind: PrincipalKind; principalId: string; readOnly: boolean }) {
  const t = useT();
  const label = useLabel();
  const toast = useToast();
  const queryClient = useQueryClient();
  const catalog = usePermissionCatalog();
  const grants = useQuery({ queryKey: principalKeys.grants(kind, principalId), queryFn: () => principalApi.grants(kind, principalId) });
  const [matrix, setMatrix] = useState<Matrix>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (grants.data) setMatrix(toMatrix(grants.data.grants));
  }, [grants.data]);

  // Columns: every operation any module has, in catalog order.
  const operations = useMemo(() => {
    const ops = new Map<string, Label>();
    for (const m of catalog.data?.modules ?? []) for (const op of m.operations) if (!ops.has(op.key)) ops.set(op.key, op.label);
    return [...ops.entries()].map(([key, l]) => ({ key, label: l }));
  }, [catalog.data]);

  const scopeOptions = useMemo(() => {
    const fromServer = new Map((catalog.data?.scopes ?? []).map((s) => [s.key, s.label]));
    return (['none', ...SCOPES] as Cell[]).map((key) => ({
      key,
      text: key !== 'none' && fromServer.has(key) ? label(fromServer.get(key)) : t.scopes[key],
    }));
  }, [catalog.data, label, t]);

  const saved = useMemo(() => JSON.stringify(toGrants(toMatrix(grants.data?.grants ?? []))), [grants.data]);
  const dirty = JSON.stringify(toGrants(matrix)) !== saved;

  if (catalog.isPending || grants.isPending) return <Skeleton variant="rounded" height={240} />;
  if (catalog.isError || grants.isError) return <Alert severity="error">{errorText(catalog.error ?? grants.error, t)}</Alert>;

  const set = (permission: string, value: Cell) => setMatrix((m) => ({ ...m, [permission]: value }));
  const setRow = (moduleKey: string, ops: readonly string[], value: Cell) =>
    setMatrix((m) => ({ ...m, ...Object.fromEntries(ops.map((op) => [`${moduleKey}.${op}`, value])) }));

  const save = async () => {
    setBusy(true);
    try {
      const next = toGrants(matrix);
      await principalApi.putGrants(kind, principalId, next);
      queryClient.setQueryData(principalKeys.grants(kind, principalId), { grants: next });
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      void queryClient.invalidateQueries({ queryKey: ['permission-changes'] });
      toast.success(t.roles.permissionsSaved);
    } catch (err) {
      toast.error(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const select = (aria: string, value: Cell, onChange: (v: Cell) => void) => (
    <NativeSelect
      value={value}
      onChange={(e) => onChange(e.target.value as Cell)}
      disabled={readOnly}
      disableUnderline
      inputProps={{ 'aria-label': aria }}
      sx={(th) => ({
        fontSize: 13,
        minWidth: 96,
        borderRadius: 1,
        px: 0.5,
        bgcolor: value === 'none' ? 'transparent' : alpha(th.palette.primary.main, 0.06 + LEVEL[value] * 0.06),
      })}
    >
      {scopeOptions.map((o) => (
        <option key={o.key} value={o.key}>
          {o.text}
        </option>
      ))}
    </NativeSelect>
  );

  return (
    <Card component="section">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2 }}>
          <Typography variant="h3" component="h2" sx={{ flex: 1 }}>
            {t.roles.permissions}
          </Typography>
          {!readOnly && (
            <>
              <Button onClick={() => setMatrix(toMatrix(grants.data.grants))} disabled={!dirty || busy}>
                {t.common.reset}
              </Button>
              <Button variant="contained" onClick={() => void save()} disabled={!dirty || busy}>
                {t.common.save}
              </Button>
            </>
          )}
        </Box>
        <TableContainer sx={{ maxHeight: '65vh' }}>
          <Table size="small" stickyHeader sx={{ '& td, & th': { px: 1 } }}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ fontWeight: 700 }}>{t.roles.module}</TableCell>
                {!readOnly && <TableCell sx={{ fontWeight: 700 }}>{t.roles.rowAll}</TableCell>}
                {operations.map((op) => (
                  <TableCell key={op.key} sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>
                    {label(op.label)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {(catalog.data?.modules ?? []).map((m) => {
                const moduleOps = new Set(m.operations.map((o) => o.key));
                const values = m.operations.map((o) => matrix[`${m.key}.${o.key}`] ?? 'none');
                const rowValue = values.every((v) => v === values[0]) ? (values[0] ?? 'none') : 'none';
                return (
                  <TableRow key={m.key} hover>
                    <TableCell component="th" scope="row" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                      {label(m.label)}
                    </TableCell>
                    {!readOnly && (
                      <TableCell>
                        {select(`${label(m.label)} – ${t.roles.rowAll}`, rowValue, (v) => setRow(m.key, [...moduleOps], v))}
                      </TableCell>
                    )}
                    {operations.map((op) => (
                      <TableCell key={op.key}>
                        {moduleOps.has(op.key) ? (
                          select(`${label(m.label)} – ${label(op.label)}`, matrix[`${m.key}.${op.key}`] ?? 'none', (v) =>
                            set(`${m.key}.${op.key}`, v),
                          )
                        ) : (
                          <Typography variant="body2" color="text.disabled" aria-label={t.roles.notApplicable}>
                            —
                          </Typography>
                        )}
                      </TableCell>
                    ))}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      </CardContent>
    </Card>
  );
}
