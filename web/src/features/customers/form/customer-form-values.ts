// The customer form's values and their conversion to and from the API shapes.
import type { StaffRef } from '../../staff/staff-autocomplete.js';
import type { AddressInput, ContactInput, CustomerCreateInput, CustomerDetail, CustomerKind, CustomerPatchInput } from '../customers-api.js';
import { dateToIsoDay, isoDayToDate } from '../shared/dates.js';

export type ContactRow = {
  /** Stable React key (new rows have no id yet). */
  key: string;
  id?: string | undefined;
  firstName: string;
  lastName: string;
  position: string;
  mobile: string;
  phone: string;
  email: string;
  isPrimary: boolean;
  notes: string;
};

export type AddressRow = {
  key: string;
  id?: string | undefined;
  title: string;
  provinceId: number | null;
  cityId: number | null;
  postalCode: string;
  address: string;
  phone: string;
  isPrimary: boolean;
};

export type CustomerFormValues = {
  kind: CustomerKind;
  code: string;
  firstName: string;
  lastName: string;
  nationalId: string;
  birthDate: Date | null;
  weddingDate: Date | null;
  companyName: string;
  legalId: string;
  economicCode: string;
  registrationNo: string;
  organizationTypeId: string | null;
  mobile: string;
  phone: string;
  email: string;
  website: string;
  sheba: string;
  sourceId: string | null;
  grade: string;
  tags: string[];
  owner: StaffRef | null;
  notes: string;
  contacts: ContactRow[];
  addresses: AddressRow[];
};

let seq = 0;
export const newKey = () => `new-${++seq}`;

export const EMPTY_CUSTOMER_FORM: CustomerFormValues = {
  kind: 'natural', code: '', firstName: '', lastName: '', nationalId: '', birthDate: null, weddingDate: null,
  companyName: '', legalId: '', economicCode: '', registrationNo: '', organizationTypeId: null,
  mobile: '', phone: '', email: '', website: '', sheba: '', sourceId: null, grade: '', tags: [], owner: null, notes: '',
  contacts: [], addresses: [],
};

export const emptyContact = (): ContactRow => ({ key: newKey(), firstName: '', lastName: '', position: '', mobile: '', phone: '', email: '', isPrimary: false, notes: '' });
export const emptyAddress = (): AddressRow => ({ key: newKey(), title: '', provinceId: null, cityId: null, postalCode: '', address: '', phone: '', isPrimary: false });

const s = (v: string | null | undefined) => v ?? '';
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

export function contactToRow(c: CustomerDetail['contacts'][number]): ContactRow {
  return { key: c.id, id: c.id, firstName: s(c.firstName), lastName: c.lastName, position: s(c.position), mobile: s(c.mobile), phone: s(c.phone), email: s(c.email), isPrimary: c.isPrimary, notes: s(c.notes) };
}

export function addressToRow(a: CustomerDetail['addresses'][number]): AddressRow {
  return { key: a.id, id: a.id, title: s(a.title), provinceId: a.provinceId, cityId: a.cityId, postalCode: s(a.postalCode), address: a.address, phone: s(a.phone), isPrimary: a.isPrimary };
}

export function toFormValues(c: CustomerDetail): CustomerFormValues {
  return {
    kind: c.kind, code: c.code, firstName: s(c.firstName), lastName: s(c.lastName), nationalId: s(c.nationalId),
    birthDate: isoDayToDate(c.birthDate), weddingDate: isoDayToDate(c.weddingDate),
    companyName: s(c.companyName), legalId: s(c.legalId), economicCode: s(c.economicCode), registrationNo: s(c.registrationNo),
    organizationTypeId: c.organizationTypeId, mobile: s(c.mobile), phone: s(c.phone), email: s(c.email), website: s(c.website),
    sheba: s(c.sheba), sourceId: c.sourceId, grade: s(c.grade), tags: [...c.tags],
    owner: c.ownerId ? { id: c.ownerId, name: c.ownerName ?? '' } : null, notes: s(c.notes),
    contacts: c.contacts.map(contactToRow), addresses: c.addresses.map(addressToRow),
  };
}

export function contactInputOf(r: ContactRow): ContactInput {
  return {
    firstName: orNull(r.firstName), lastName: r.lastName.trim(), position: orNull(r.position), mobile: orNull(r.mobile),
    phone: orNull(r.phone), email: orNull(r.email), isPrimary: r.isPrimary, notes: orNull(r.notes),
  };
}

export function addressInputOf(r: AddressRow): AddressInput {
  return {
    title: orNull(r.title), provinceId: r.provinceId, cityId: r.cityId, postalCode: orNull(r.postalCode),
    address: r.address.trim(), phone: orNull(r.phone), isPrimary: r.isPrimary,
  };
}

/** The customer's own fields; only those of the chosen person type. */
export function mainInputOf(v: CustomerFormValues): Omit<CustomerCreateInput, 'contacts' | 'addresses'> {
  const kindFields =
    v.kind === 'natural'
      ? { firstName: orNull(v.firstName), lastName: orNull(v.lastName), nationalId: orNull(v.nationalId), birthDate: dateToIsoDay(v.birthDate), weddingDate: dateToIsoDay(v.weddingDate) }
      : { companyName: orNull(v.companyName), legalId: orNull(v.legalId), economicCode: orNull(v.economicCode), registrationNo: orNull(v.registrationNo), organizationTypeId: v.organizationTypeId };
  return {
    kind: v.kind, code: orNull(v.code), ...kindFields,
    mobile: orNull(v.mobile), phone: orNull(v.phone), email: orNull(v.email), website: orNull(v.website), sheba: orNull(v.sheba),
    sourceId: v.sourceId, grade: orNull(v.grade), tags: v.tags, ownerId: v.owner?.id ?? null, notes: orNull(v.notes),
  };
}

export function createInputOf(v: CustomerFormValues): CustomerCreateInput {
  return { ...mainInputOf(v), contacts: v.contacts.map(contactInputOf), addresses: v.addresses.map(addressInputOf) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Only the fields that differ from the record on the server (a smaller audit entry, fewer conflicts). */
export function patchInputOf(v: CustomerFormValues, server: CustomerDetail): CustomerPatchInput {
  const now = mainInputOf(v) as Record<string, unknown>;
  const before = mainInputOf(toFormValues(server)) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(now)) if (!same(val, before[k])) patch[k] = val;
  return patch as CustomerPatchInput;
}

export const contactChanged = (r: ContactRow, server: ContactRow) => !same(contactInputOf(r), contactInputOf(server));
export const addressChanged = (r: AddressRow, server: AddressRow) => !same(addressInputOf(r), addressInputOf(server));
