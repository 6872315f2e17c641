// The mapping an import stores: column index (as a string) → field key, '' for a column left out. Other
// keys can never be a column index, so an import may keep its own settings in the same object.

/** The mapped columns as [index, field] pairs, in the mapping's order. */
export function columnsOf<K extends string = string>(mapping: Record<string, string>): [number, K][] {
  return Object.entries(mapping)
    .filter(([col, field]) => /^\d+$/.test(col) && field !== '')
    .map(([col, field]) => [Number(col), field as K]);
}
