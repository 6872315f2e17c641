import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { searchNormalize } from '@common/text.js';
import { isApiError } from '../../app/api-client.js';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { useProductsT } from '../products/i18n.js';
import { salesLimitsApi, salesLimitsKey, useCategories, type Category } from '../products/products-api.js';
import { treeOrder } from '../products/shared-selects.js';

type Option = { id: string; label: string; search: string; active: boolean };

/** Every category with its full name path («ابزار / ابزار دستی»), parents before children. */
function categoryOptions(rows: Category[]): Option[] {
  const byId = new Map(rows.map((c) => [c.id, c]));
  return treeOrder(rows).map((c) => {
    const names = c.path.split('/').filter(Boolean).map((id) => byId.get(id)?.name ?? '…');
    const label = names.join(' / ');
    return { id: c.id, label, search: searchNormalize(label), active: c.active };
  });
}

/**
 * The product groups a sales user is limited to (docs/products.md, «محدودیت فروش»). Saved on its own,
 * apart from the staff form: an empty list lifts the limit.
 */
export function StaffSalesLimits({ userId, canEdit }: { userId: string; canEdit: boolean }) {
  const t = useT();
  const P = useProductsT();
  const L = P.salesLimits;
  const toast = useToast();
  const queryClient = useQueryClient();
  const limits = useQuery({ queryKey: salesLimitsKey(userId), queryFn: () => salesLimitsApi.get(userId) });
  const categories = useCategories();
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (limits.data) setSelected(limits.data.categoryIds);
  }, [limits.data]);

  const options = useMemo(() => categoryOptions(categories.data ?? []), [categories.data]);
  // Inactive groups are offered only when already chosen, like the category select of the product form.
  const offered = options.filter((o) => o.active || selected.includes(o.id));
  const value = selected.map((id) => options.find((o) => o.id === id)).filter((o): o is Option => Boolean(o));
  const dirty = JSON.stringify([...selected].sort()) !== JSON.stringify([...(limits.data?.categoryIds ?? [])].sort());

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await salesLimitsApi.save(userId, selected);
      queryClient.setQueryData(salesLimitsKey(userId), saved);
      void queryClient.invalidateQueries({ queryKey: ['audit-log', 'salesCategoryLimits', userId] });
      toast.success(L.saved);
    } catch (err) {
      const message = errorText(err, t);
      setError(isApiError(err) && err.errors[0] ? err.errors[0].message : message);
      toast.error(message);
    } finally {
      setBusy(false);
    }
  };

  // Without products.view the group list cannot be read: show the current groups by name.
  const cannotList = isApiError(categories.error) && categories.error.status === 403;
  return (
    <Card component="section" aria-label={L.title}>
      <CardContent>
        <Typography variant="h3" component="h2" sx={{ mb: 1 }}>{L.title}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{L.explain}</Typography>
        {limits.isError && <Alert severity="error">{errorText(limits.error, t)}</Alert>}
        {cannotList && limits.data && (
          <Alert severity="info">
            {L.cannotListCategories} {limits.data.categories.map((c) => c.name).join('، ') || L.noLimit}
          </Alert>
        )}
        {!cannotList && !limits.isError && (
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <Autocomplete<Option, true>
              multiple
              sx={{ flex: '1 1 320px' }}
              options={offered}
              value={value}
              onChange={(_e, v) => { setSelected(v.map((o) => o.id)); setError(undefined); }}
              getOptionLabel={(o) => (o.active ? o.label : `${o.label} (${L.inactive})`)}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              filterOptions={(opts, { inputValue }) => opts.filter((o) => o.search.includes(searchNormalize(inputValue)))}
              filterSelectedOptions
              loading={categories.isPending || limits.isPending}
              noOptionsText={L.noOptions}
              readOnly={!canEdit}
              disabled={busy}
              renderInput={(params) => (
                <TextField {...params} label={L.label} placeholder={value.length ? undefined : L.noLimit} error={Boolean(error)} helperText={error} />
              )}
            />
            {canEdit && (
              <Button type="button" variant="outlined" onClick={() => void save()} disabled={busy || !dirty || limits.isPending} sx={{ mt: 1 }}>
                {L.save}
              </Button>
            )}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
