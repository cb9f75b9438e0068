/** The columns every table shares a meaning for, used by the per-area table files. */
import type { ColumnType } from 'kysely';

export type CreatedAt = ColumnType<Date, never, never>;

/** The marking columns every marked table carries (features/access/markings.ts). */
export interface MarkingColumns {
  classification: string;
  handling_code: string;
  handling_conditions: string | null;
  owning_agency_id: string;
  access_list_id: string | null;
}
