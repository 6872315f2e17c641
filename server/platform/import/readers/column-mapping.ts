// Suggests which field (of the importing module's list) each file column holds, so the mapping screen opens mostly filled in.
// Only a suggestion: the user confirms or changes it. Matching is on a folded form of both sides
// (searchNormalize: ي/ك → ی/ک, digits, diacritics; then spaces, ZWNJ and punctuation removed), so
// «نام‌خانوادگی», «نام خانوادگی», «نامخانوادگی» and «نام خانوادگي» are all the same header.
import { searchNormalize } from '../../../../common/text.js';

/** A target field and the header names people use for it (Persian, English, other products' exports). */
export type FieldSynonyms = { key: string; synonyms: readonly string[] };

/** Header/synonym folded for comparison; exported for the UI's "search a field" box. */
export function headerMatchKey(s: string): string {
  return searchNormalize(s).replace(/[\s\p{P}\p{S}]+/gu, '');
}

// A header naming someone else's details («نام پدر», «Spouse Name») must not be guessed as the
// customer's own field just because it contains «نام»/«name».
const OTHER_PERSON = /پدر|مادر|همسر|معرف|کاربری|father|mother|spouse|parent|referr|user/;

// Partial matches below this share of the header are too vague to suggest.
const MIN_COVERAGE = 0.3;

type Candidate = { column: number; field: string; score: number; order: number };

/**
 * Column index → field key (or null). Exact matches score 1; a header that CONTAINS a synonym
 * («شماره موبایل مشتری», «E-mail 1 - Value») scores by how much of it the synonym covers, always below an
 * exact match. Best scores are assigned first and each field and each column is used at most once; ties
 * go to the leftmost column.
 */
export function suggestMapping(
  headers: readonly string[],
  fields: readonly FieldSynonyms[],
): Record<number, string | null> {
  const fieldKeys = fields.map((f, order) => ({
    field: f.key,
    order,
    keys: [...new Set([f.key, ...f.synonyms].map(headerMatchKey).filter((k) => k !== ''))],
  }));

  const candidates: Candidate[] = [];
  headers.forEach((header, column) => {
    const key = headerMatchKey(header);
    if (key === '') return;
    const exact = fieldKeys.filter((f) => f.keys.includes(key));
    if (exact.length > 0) {
      // «تلفن همراه» IS a mobile column: when mobile is taken by an earlier column it is a duplicate,
      // not a partial match for «تلفن» (phone).
      for (const { field, order } of exact) candidates.push({ column, field, score: 1, order });
      return;
    }
    if (OTHER_PERSON.test(key)) return;
    for (const { field, order, keys } of fieldKeys) {
      const covered = Math.max(0, ...keys.filter((k) => k.length >= 3 && key.includes(k)).map((k) => k.length / key.length));
      if (covered >= MIN_COVERAGE) candidates.push({ column, field, score: 0.5 * covered, order });
    }
  });

  candidates.sort((a, b) => b.score - a.score || a.column - b.column || a.order - b.order);
  const mapping: Record<number, string | null> = {};
  headers.forEach((_, column) => (mapping[column] = null));
  const usedFields = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.column] !== null || usedFields.has(c.field)) continue;
    mapping[c.column] = c.field;
    usedFields.add(c.field);
  }
  return mapping;
}
