import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, updatedAt } from '../../platform/db/table-helpers.js';

/** The company profile and tenant-wide preferences; one row per tenant. */
export const companySettings = pgTable(
  'company_settings',
  {
    tenantId: uuid('tenant_id').primaryKey(),
    name: text('name').notNull(),
    economicCode: text('economic_code'),
    legalId: text('legal_id'),
    registrationNo: text('registration_no'),
    address: text('address'),
    postalCode: text('postal_code'),
    phones: text('phones'),
    logoFileId: uuid('logo_file_id'),
    fiscalYearStartMonth: integer('fiscal_year_start_month').notNull().default(1),
    currencyDisplay: text('currency_display').$type<'rial' | 'toman'>().notNull().default('rial'),
    updatedAt: updatedAt(),
  },
  () => [tenantPolicy('company_settings')],
);
