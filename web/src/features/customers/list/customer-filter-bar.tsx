import FilterListOutlined from '@mui/icons-material/FilterListOutlined';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Popover from '@mui/material/Popover';
import TextField from '@mui/material/TextField';
import { lazy, Suspense, useState } from 'react';
import { useFormat } from '../../../app/format.js';
import { useLocale, useT } from '../../../app/i18n/locale-provider.js';
import { PageLoader } from '../../../components/ui/page-loader.js';
import { useLookup } from '../../settings/lookups-api.js';
import { useStaff } from '../../staff/staff-api.js';
import { useCities, useProvinces } from '../customers-api.js';
import { isoDayToDate, type CustomerFilterValues, type FilterKey, type useCustomerFilters } from './use-customer-filters.js';

// The panel brings the date pickers: loaded when first opened, not with the list.
const CustomerFilterPanel = lazy(() => import('./customer-filter-panel.js').then((m) => ({ default: m.CustomerFilterPanel })));

type FiltersApi = ReturnType<typeof useCustomerFilters>;

/** Toolbar part: person type select + «فیلترها» (count badge) opening the filter panel. */
export function CustomerFilterControls({ api }: { api: FiltersApi }) {
  const t = useT();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <TextField
        select
        label={t.customers.fields.kind}
        value={api.filters.kind ?? ''}
        onChange={(e) => api.setFilter('kind', e.target.value || null)}
        sx={{ width: 140 }}
        fullWidth={false}
      >
        <MenuItem value="">{t.common.all}</MenuItem>
        <MenuItem value="natural">{t.customers.natural}</MenuItem>
        <MenuItem value="legal">{t.customers.legal}</MenuItem>
      </TextField>
      <Badge badgeContent={api.count} color="primary" overlap="rectangular">
        <Button startIcon={<FilterListOutlined />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="dialog" aria-expanded={Boolean(anchor)}>
          {t.customers.filters}
        </Button>
      </Badge>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': t.customers.filters } }}
      >
        <Suspense fallback={<PageLoader />}>
          <CustomerFilterPanel filters={api.filters} setFilter={api.setFilter} clear={api.clear} />
        </Suspense>
      </Popover>
    </>
  );
}

/** The active filters as removable chips, above the table. */
export function CustomerFilterChips({ api }: { api: FiltersApi }) {
  const t = useT();
  const f = useFormat();
  const { locale } = useLocale();
  const { filters } = api;
  const owner = useStaff(filters.ownerId);
  const provinces = useProvinces();
  const cities = useCities(filters.provinceId ? Number(filters.provinceId) : null);
  const sources = useLookup('customerSource');
  const L = t.customers.fields;
  const valueOf = (k: FilterKey, v: string): string => {
    switch (k) {
      case 'kind':
        return v === 'legal' ? t.customers.legal : t.customers.natural;
      case 'ownerId':
        return owner.data?.fullName ?? '…';
      case 'noOwner':
        return t.common.yes;
      case 'provinceId': {
        const p = provinces.data?.find((x) => String(x.id) === v);
        return p ? (locale === 'en' ? p.nameEn : p.name) : '…';
      }
      case 'cityId':
        return cities.data?.find((x) => String(x.id) === v)?.name ?? '…';
      case 'sourceId':
        return sources.data?.find((x) => x.id === v)?.name ?? '…';
      case 'createdFrom':
      case 'createdTo':
        return f.date(isoDayToDate(v));
      default:
        return v;
    }
  };
  const labelOf: Record<FilterKey, string> = {
    kind: L.kind ?? '',
    ownerId: L.ownerId ?? '',
    noOwner: t.customers.noOwner,
    provinceId: t.customers.province,
    cityId: t.customers.city,
    sourceId: L.sourceId ?? '',
    tag: t.customers.tag,
    grade: L.grade ?? '',
    createdFrom: t.customers.createdFrom,
    createdTo: t.customers.createdTo,
  };
  const entries = Object.entries(filters) as [FilterKey, string][];
  if (entries.length === 0) return null;
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mb: 1 }} aria-label={t.customers.filters} role="list">
      {entries.map(([k, v]) => (
        <Chip
          role="listitem"
          key={k}
          size="small"
          label={k === 'noOwner' ? labelOf[k] : `${labelOf[k]}: ${valueOf(k, v)}`}
          onDelete={() => api.setFilter(k, null)}
        />
      ))}
      {entries.length > 1 && (
        <Button size="small" onClick={api.clear}>
          {t.customers.clearFilters}
        </Button>
      )}
    </Box>
  );
}

export type { CustomerFilterValues };
