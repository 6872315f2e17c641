import { isoDateInTehran } from '../../../../common/jalali.js';
import type { CustomerCreate, CustomerPatch } from '../../../../common/contracts/customers.contract.js';

type Input = Partial<CustomerCreate> | CustomerPatch;

/** The name a list shows: a company's name, or a person's first and last name. */
export function displayNameOf(c: { kind: 'natural' | 'legal'; firstName?: string | null; lastName?: string | null; companyName?: string | null }): string {
  return c.kind === 'legal' ? (c.companyName ?? '').trim() : [c.firstName, c.lastName].filter(Boolean).join(' ').trim();
}

const dateValue = (d: Date | null | undefined) => (d === undefined ? undefined : d === null ? null : isoDateInTehran(d));

/** Input → column values; undefined means "not given" and leaves the column alone on update. */
export function columnValues(input: Input) {
  const v: Record<string, unknown> = {
    kind: input.kind, code: input.code, firstName: input.firstName, lastName: input.lastName, companyName: input.companyName,
    nationalId: input.nationalId, legalId: input.legalId, economicCode: input.economicCode, registrationNo: input.registrationNo,
    organizationTypeId: input.organizationTypeId, birthDate: dateValue(input.birthDate), weddingDate: dateValue(input.weddingDate),
    mobile: input.mobile, phone: input.phone, email: input.email?.toLowerCase() ?? input.email, website: input.website,
    sheba: input.sheba, sourceId: input.sourceId, grade: input.grade, tags: input.tags ? [...new Set(input.tags)] : undefined,
    ownerId: input.ownerId, notes: input.notes,
  };
  // A loop, not entries/filter/fromEntries: imports call this for 100,000 rows.
  const out: Record<string, unknown> = {};
  for (const k in v) if (v[k] !== undefined) out[k] = v[k];
  return out;
}

/** Identifiers that must be unique within a company, with the words used to name them. */
export const UNIQUE_IDS = [
  { field: 'nationalId', label: 'کد ملی' },
  { field: 'legalId', label: 'شناسه ملی' },
  { field: 'economicCode', label: 'کد اقتصادی' },
  { field: 'code', label: 'کد مشتری' },
] as const;
