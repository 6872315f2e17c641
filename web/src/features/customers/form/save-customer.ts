// Saving the form: one POST for a new customer (with its contacts and addresses); for an existing one a
// PATCH of the changed fields (with `version`) and then one request per added, changed or removed contact
// and address. A failing child request reports its field errors under that row (`contacts.2.mobile`).
import { ApiError, isApiError } from '../../../app/api-client.js';
import { customersApi, type CustomerDetail } from '../customers-api.js';
import {
  addressChanged, addressInputOf, addressToRow, contactChanged, contactInputOf, contactToRow, createInputOf, patchInputOf,
  type CustomerFormValues,
} from './customer-form-values.js';

export type SaveResult = {
  /** Ids the server gave to rows created before a later request failed (row key → id). */
  createdIds: Record<string, string>;
  error?: unknown;
};

/** Re-throws a child request's error with its field paths moved under the row. */
function underRow(err: unknown, prefix: string): unknown {
  if (!isApiError(err)) return err;
  const errors = err.errors.length > 0 ? err.errors.map((e) => ({ ...e, path: `${prefix}.${e.path.replace(/^(body\.|\/)/, '')}` })) : [{ path: prefix, message: err.detail ?? err.title ?? '' }];
  return new ApiError({ status: err.status, type: err.type, title: err.title, detail: err.detail, code: err.code, errors });
}

export async function createCustomer(values: CustomerFormValues): Promise<CustomerDetail> {
  return customersApi.create(createInputOf(values));
}

export async function updateCustomer(id: string, values: CustomerFormValues, server: CustomerDetail): Promise<SaveResult> {
  const createdIds: Record<string, string> = {};
  try {
    const patch = patchInputOf(values, server);
    if (Object.keys(patch).length > 0) await customersApi.update(id, { ...patch, version: server.version });

    const serverContacts = new Map(server.contacts.map((c) => [c.id, contactToRow(c)]));
    const keptContacts = new Set(values.contacts.map((r) => r.id).filter(Boolean));
    for (const c of server.contacts) if (!keptContacts.has(c.id)) await customersApi.removeContact(id, c.id);
    for (const [i, row] of values.contacts.entries()) {
      const before = row.id ? serverContacts.get(row.id) : undefined;
      try {
        if (!row.id) createdIds[row.key] = (await customersApi.addContact(id, contactInputOf(row))).id;
        else if (before && contactChanged(row, before)) await customersApi.updateContact(id, row.id, contactInputOf(row));
      } catch (err) {
        throw underRow(err, `contacts.${i}`);
      }
    }

    const serverAddresses = new Map(server.addresses.map((a) => [a.id, addressToRow(a)]));
    const keptAddresses = new Set(values.addresses.map((r) => r.id).filter(Boolean));
    for (const a of server.addresses) if (!keptAddresses.has(a.id)) await customersApi.removeAddress(id, a.id);
    for (const [i, row] of values.addresses.entries()) {
      const before = row.id ? serverAddresses.get(row.id) : undefined;
      try {
        if (!row.id) createdIds[row.key] = (await customersApi.addAddress(id, addressInputOf(row))).id;
        else if (before && addressChanged(row, before)) await customersApi.updateAddress(id, row.id, addressInputOf(row));
      } catch (err) {
        throw underRow(err, `addresses.${i}`);
      }
    }
    return { createdIds };
  } catch (error) {
    return { createdIds, error };
  }
}
