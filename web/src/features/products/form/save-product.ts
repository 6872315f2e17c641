// Saving the form: the product first (POST, or PATCH of the changed fields with `version`), then one
// request per added, changed or removed variant. A failing variant reports under its row (`variants.2.code`).
import { ApiError, isApiError } from '../../../app/api-client.js';
import { productsApi, type ProductDetail } from '../products-api.js';
import { productInputOf, productPatchOf, variantInputOf, type ProductFormValues } from './product-form-values.js';

function underRow(err: unknown, prefix: string): unknown {
  if (!isApiError(err)) return err;
  const errors = err.errors.length ? err.errors.map((e) => ({ ...e, path: `${prefix}.${e.path}` })) : [{ path: prefix, message: err.detail ?? '' }];
  return new ApiError({ status: err.status, type: err.type, title: err.title, detail: err.detail, code: err.code, errors });
}

export type SaveResult = { id: string; error?: unknown };

export async function saveProduct(values: ProductFormValues, server: ProductDetail | null): Promise<SaveResult> {
  let id = server?.id ?? '';
  try {
    if (!server) {
      id = (await productsApi.create(productInputOf(values))).id;
    } else {
      const patch = productPatchOf(values, server);
      if (Object.keys(patch).length) await productsApi.update(id, { ...patch, version: server.version });
    }
    const before = new Map((server?.variants ?? []).filter((v) => !v.isDefault).map((v) => [v.id, v]));
    const kept = new Set(values.variants.map((r) => r.id).filter(Boolean));
    for (const v of before.values()) if (!kept.has(v.id)) await productsApi.removeVariant(id, v.id);
    for (const [i, row] of values.variants.entries()) {
      const input = variantInputOf(row);
      const old = row.id ? before.get(row.id) : undefined;
      try {
        if (!row.id) await productsApi.addVariant(id, input);
        else if (old && JSON.stringify(variantInputOf({ ...row, code: old.code, barcode: old.barcode ?? '', attributes: old.attributes, active: old.active })) !== JSON.stringify(input)) {
          await productsApi.updateVariant(id, row.id, input);
        }
      } catch (err) {
        throw underRow(err, `variants.${i}`);
      }
    }
    return { id };
  } catch (error) {
    return { id, error };
  }
}
