import { useCallback, useMemo, type ReactNode } from 'react';
import { useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { defaultAuditValue } from '../../../components/ui/record-history.js';

/** Field → label for the change history (server field names, the form's words). */
export function useCustomerFieldLabels(): Record<string, string> {
  const t = useT();
  return useMemo(
    () => ({ ...t.customers.fields, contacts: t.customers.sectionContacts, addresses: t.customers.sectionAddresses, contact: t.customers.contact, address: t.customers.address }),
    [t],
  );
}

/** History values in the UI's words: person type as حقیقی/حقوقی, tags with the UI's digits. */
export function useCustomerHistoryFormat(): (field: string, value: unknown) => ReactNode {
  const t = useT();
  const f = useFormat();
  return useCallback(
    (field: string, value: unknown) => {
      if (field === 'kind' && (value === 'natural' || value === 'legal')) return value === 'legal' ? t.customers.legal : t.customers.natural;
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.length ? value.map((v) => f.digits(v)).join('، ') : t.common.none;
      return defaultAuditValue(value, f, t);
    },
    [t, f],
  );
}
