/**
 * Markings as ordered data: the Government Security Classification of a record, and the handling
 * code that governs its onward sharing. The migration seeds the same values into the
 * `classification` and `handling_code` tables, which records reference.
 */

/** Lowest first: a clearance covers its own rank and every rank below it. */
export const CLASSIFICATIONS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const HANDLING_CODES = ['P', 'C'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

export function isClassification(value: unknown): value is Classification {
  return typeof value === 'string' && (CLASSIFICATIONS as readonly string[]).includes(value);
}

export function classificationRank(code: Classification): number {
  return CLASSIFICATIONS.indexOf(code) + 1;
}

/** The classifications a clearance covers. */
export function coveredBy(clearance: Classification): Classification[] {
  return CLASSIFICATIONS.filter((code) => classificationRank(code) <= classificationRank(clearance));
}

/**
 * The columns every marked record carries (a convention, one set per table):
 * `classification`, `handling_code`, `handling_conditions` (required for C), `owning_agency_id`,
 * and `access_list_id` (a named access list, or null for none).
 */
export interface Marking {
  classification: Classification;
  handlingCode: HandlingCode;
  handlingConditions: string | null;
  owningAgencyId: string;
  accessListId: string | null;
}
