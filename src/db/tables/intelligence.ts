/** Table types for Kysely: Intelligence, entities, links, search and import (migrations 0005-0007). */
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { CreatedAt, MarkingColumns } from './common.js';

export interface RecordShareTable {
  record_type: string;
  record_id: string;
  agency_id: string;
  shared_by: string | null;
  shared_at: Generated<Date>;
}

export interface IntelligenceItemTable extends MarkingColumns {
  id: Generated<string>;
  reference: Generated<string>;
  source_type: string;
  source_description: string | null;
  public_report_id: string | null;
  source_evaluation: string | null;
  information_assessment: string | null;
  legacy_source_evaluation: string | null;
  legacy_intelligence_assessment: string | null;
  legacy_handling: string | null;
  graded_by: string | null;
  graded_at: Date | null;
  statement_kind: Generated<string>;
  body: string;
  categories: Generated<string[]>;
  vulnerabilities: Generated<string[]>;
  area: string | null;
  occurred_on: string | null;
  received_at: Generated<Date>;
  review_on: string | null;
  status: Generated<string>;
  outcome: string | null;
  outcome_note: string | null;
  closed_by: string | null;
  closed_at: Date | null;
  sanitised_by: string | null;
  sanitised_at: Date | null;
  signed_off_by: string | null;
  signed_off_at: Date | null;
  created_by: string | null;
  search_vector: ColumnType<string, never, never>;
}

/** An original is always handling C with its conditions, on a named access list. */
export interface IntelligenceOriginalTable extends Omit<
  MarkingColumns,
  'handling_conditions' | 'access_list_id'
> {
  item_id: string;
  body: string;
  handling_conditions: string;
  access_list_id: string;
}

export interface EntityTable extends MarkingColumns {
  id: Generated<string>;
  schema: string;
  caption: string;
  properties: ColumnType<Record<string, string[]>, string, string>;
  child: Generated<boolean>;
  area: string | null;
  source_key: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface EntityNameTable {
  entity_id: string;
  name: string;
  normalised: string;
  kind: 'name' | 'alias';
  sounds: Generated<string[]>;
  /** Search keys from the normalised name (migration 0006): spellings, sounds, skeletons. */
  keys: GeneratedAlways<string[]>;
}

export interface ItemEntityTable {
  id: Generated<string>;
  item_id: string;
  entity_id: string;
  subject_category: string | null;
  added_by: string | null;
  added_at: Generated<Date>;
}

export interface LinkTable extends MarkingColumns {
  id: Generated<string>;
  link_type: string;
  from_entity_id: string;
  to_entity_id: string;
  start_date: string | null;
  end_date: string | null;
  confidence: string;
  source_key: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface LinkSourceTable {
  link_id: string;
  item_id: string;
}

export interface ImportUploadTable {
  id: Generated<string>;
  user_id: string;
  file_name: string;
  csv: Uint8Array;
  mapping: string;
  mapping_name: string;
  created_at: CreatedAt;
  expires_at: Date;
  imported_at: Date | null;
  summary: ColumnType<unknown, string | null, string | null>;
  rejection_csv: Uint8Array | null;
}
