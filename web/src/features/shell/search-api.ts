import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client.js';
import { useDebouncedValue } from '../../app/hooks/use-debounced-value.js';
import type { Locale } from '../../app/i18n/locale-provider.js';

export type SearchHit = { type: string; id: string; title: string; subtitle?: string | null; link: string };

/** Debounced record search over GET /api/search?q=; idle below two characters. */
export function useRecordSearch(q: string) {
  const debounced = useDebouncedValue(q.trim(), 250);
  return useQuery({
    queryKey: ['search', debounced],
    queryFn: ({ signal }) => api.get<{ items: SearchHit[] }>('/api/search', { query: { q: debounced }, signal }),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    select: (d) => d.items,
  });
}

// Record types the server may return; unknown types show as they come.
const TYPE_LABELS: Record<string, { fa: string; en: string }> = {
  staff: { fa: 'پرسنل', en: 'Staff' },
  user: { fa: 'کاربر', en: 'User' },
  role: { fa: 'نقش', en: 'Role' },
  group: { fa: 'گروه', en: 'Group' },
  'user-group': { fa: 'گروه', en: 'Group' },
  unit: { fa: 'واحد', en: 'Unit' },
  customer: { fa: 'مشتری', en: 'Customer' },
  contact: { fa: 'مخاطب', en: 'Contact' },
  lead: { fa: 'سرنخ', en: 'Lead' },
  deal: { fa: 'معامله', en: 'Deal' },
  product: { fa: 'کالا', en: 'Product' },
  invoice: { fa: 'فاکتور', en: 'Invoice' },
  ticket: { fa: 'تیکت', en: 'Ticket' },
  note: { fa: 'یادداشت', en: 'Note' },
  post: { fa: 'دیوار گفتگو', en: 'Discussion wall' },
};

export function searchTypeLabel(type: string, locale: Locale): string {
  return TYPE_LABELS[type]?.[locale] ?? type;
}
