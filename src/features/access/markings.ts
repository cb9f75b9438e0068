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
  /** Agencies this one record has been shared with (`record_share`), for shareable types. */
  sharedWith?: readonly string[];
}

/** The marking columns in table order, for selects. */
export const MARKING_COLUMNS = [
  'classification',
  'handling_code',
  'handling_conditions',
  'owning_agency_id',
  'access_list_id',
] as const;

export interface MarkingRow {
  classification: string;
  handling_code: string;
  handling_conditions: string | null;
  owning_agency_id: string;
  access_list_id: string | null;
}

/** A marking as the columns every marked table carries. */
export function markingColumns(marking: Marking): MarkingRow {
  return {
    classification: marking.classification,
    handling_code: marking.handlingCode,
    handling_conditions: marking.handlingConditions,
    owning_agency_id: marking.owningAgencyId,
    access_list_id: marking.accessListId,
  };
}

/** A row's marking columns as a Marking; null if they hold values the policy does not know. */
export function markingFromRow(row: MarkingRow, sharedWith?: readonly string[]): Marking | null {
  if (!isClassification(row.classification) || (row.handling_code !== 'P' && row.handling_code !== 'C')) {
    return null; // unknown markings: the policy refuses a marked record without them
  }
  return {
    classification: row.classification,
    handlingCode: row.handling_code,
    handlingConditions: row.handling_conditions,
    owningAgencyId: row.owning_agency_id,
    accessListId: row.access_list_id,
    ...(sharedWith ? { sharedWith } : {}),
  };
}
