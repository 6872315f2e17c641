import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import type { CustomerDetail } from '../customers-api.js';

type Fact = { key: string; label: string; value: ReactNode };

/** Phones as tel: links, email as mailto:, dates in Jalali, digits in the UI's script. */
export function CustomerFacts({ customer: c }: { customer: CustomerDetail }) {
  const t = useT();
  const f = useFormat();
  const L = t.customers.fields;
  const tel = (v: string | null) => v && <Link href={`tel:${v}`} dir="ltr">{f.digits(v)}</Link>;
  const facts: Fact[] = [
    ...(c.kind === 'natural'
      ? [
          { key: 'nationalId', label: L.nationalId ?? '', value: c.nationalId && f.digits(c.nationalId) },
          { key: 'birthDate', label: L.birthDate ?? '', value: f.date(c.birthDate) },
          { key: 'weddingDate', label: L.weddingDate ?? '', value: f.date(c.weddingDate) },
        ]
      : [
          { key: 'legalId', label: L.legalId ?? '', value: c.legalId && f.digits(c.legalId) },
          { key: 'economicCode', label: L.economicCode ?? '', value: c.economicCode && f.digits(c.economicCode) },
          { key: 'registrationNo', label: L.registrationNo ?? '', value: c.registrationNo && f.digits(c.registrationNo) },
          { key: 'organizationTypeName', label: L.organizationTypeName ?? '', value: c.organizationTypeName },
        ]),
    { key: 'mobile', label: L.mobile ?? '', value: tel(c.mobile) },
    { key: 'phone', label: L.phone ?? '', value: tel(c.phone) },
    { key: 'email', label: L.email ?? '', value: c.email && <Link href={`mailto:${c.email}`} dir="ltr">{c.email}</Link> },
    {
      key: 'website',
      label: L.website ?? '',
      value: c.website && (
        <Link href={/^https?:\/\//i.test(c.website) ? c.website : `https://${c.website}`} target="_blank" rel="noopener noreferrer" dir="ltr">
          {c.website}
        </Link>
      ),
    },
    { key: 'sheba', label: L.sheba ?? '', value: c.sheba && <span dir="ltr">{f.digits(c.sheba)}</span> },
    { key: 'sourceName', label: L.sourceName ?? '', value: c.sourceName },
    { key: 'grade', label: L.grade ?? '', value: c.grade },
    { key: 'createdAt', label: L.createdAt ?? '', value: f.dateTime(c.createdAt) },
    { key: 'updatedAt', label: L.updatedAt ?? '', value: f.dateTime(c.updatedAt) },
  ];
  return (
    <Card component="section" aria-label={t.customers.keyFacts}>
      <CardContent>
        <Typography variant="h3" component="h2" sx={{ mb: 2 }}>
          {t.customers.keyFacts}
        </Typography>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(3, 1fr)' }, gap: 2, m: 0 }}>
          {facts.map((fact) => (
            <Box key={fact.key} data-field={fact.key}>
              <Typography component="dt" variant="caption" color="text.secondary">
                {fact.label}
              </Typography>
              <Typography component="dd" variant="body1" sx={{ m: 0, fontWeight: 500 }}>
                {fact.value || <Box component="span" sx={{ color: 'text.disabled' }}>{t.customers.noValue}</Box>}
              </Typography>
            </Box>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
}
