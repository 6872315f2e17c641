import { createElement, type ReactNode } from 'react';
import { fileUrl } from '../../../app/api-client.js';
import { useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { defaultAuditValue } from '../../../components/ui/record-history.js';
import { useLookup } from '../../settings/lookups-api.js';
import { useProductsT } from '../i18n.js';
import { useCategories, useTaxClasses, useUnits } from '../products-api.js';

/** Change history shows names, not ids: units, category, tax class, brand, kind, money. */
export function useProductHistoryFormat(): (field: string, value: unknown) => ReactNode {
  const P = useProductsT();
  const f = useFormat();
  const t = useT();
  const units = useUnits().data ?? [];
  const categories = useCategories().data ?? [];
  const taxes = useTaxClasses().data ?? [];
  const brands = useLookup('productBrand').data ?? [];
  const nameIn = (rows: { id: string; name: string }[], v: unknown) => rows.find((r) => r.id === v)?.name ?? String(v);
  return (field, value) => {
    if (value === null || value === undefined || value === '') return P.none;
    switch (field) {
      case 'unitId': case 'secondUnitId': return nameIn(units, value);
      case 'categoryId': return nameIn(categories, value);
      case 'taxClassId': return nameIn(taxes, value);
      case 'brandId': return nameIn(brands, value);
      case 'kind': return value === 'service' ? P.service : P.goods;
      case 'basePrice': return f.money(String(value));
      case 'code': case 'barcode': return String(value);
      // Replaced images stay readable, so the history shows what the picture was.
      case 'imageFileId': return createElement('img', { src: fileUrl(String(value)), alt: P.image.title, style: { height: 40, maxWidth: 80, objectFit: 'contain', verticalAlign: 'middle' } });
      default: return defaultAuditValue(value, f, t);
    }
  };
}
