/**
 * Table types for Kysely: one interface per table, kept beside the migrations that create them.
 * `Generated` marks columns the database fills in.
 */
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;

export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  applied_at: ColumnType<Date, never, never>;
}

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
}

export interface AgencyTable {
  id: Generated<string>;
  code: string;
  name: string;
  organisation_id: string;
  kind: string;
  created_at: CreatedAt;
  receives_public_reports: Generated<boolean>;
}

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  agency_id: string;
  password_hash: string | null;
  disabled_at: Date | null;
  created_at: CreatedAt;
  clearance: Generated<string>;
  totp_secret: string | null;
  totp_enrolled_at: Date | null;
  totp_last_step: number | null;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Date | null;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
  granted_at: CreatedAt;
}

export interface ClassificationTable {
  code: string;
  rank: number;
  name: string;
}

export interface HandlingCodeTable {
  code: string;
  name: string;
  description: string;
}

export interface RecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface SharingRuleTable {
  id: Generated<string>;
  owner_agency_id: string;
  partner_agency_id: string;
  record_type: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AccessListTable {
  id: Generated<string>;
  description: string;
  created_at: CreatedAt;
}

export interface AccessListMemberTable {
  id: Generated<string>;
  access_list_id: string;
  user_id: string | null;
  agency_id: string | null;
}

export interface UserSessionTable {
  id_hash: string;
  user_id: string;
  stage: 'mfa' | 'active';
  roles: string[];
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  flash: ColumnType<unknown, string | null, string | null> | null;
  pending_totp_secret: string | null;
  purpose: Generated<string>;
  justification: string | null;
}

export interface AuditEntryTable {
  seq: number;
  occurred_at: Date;
  actor_kind: string;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  action: string;
  event: string;
  record_type: string | null;
  record_ids: string[];
  purpose: string | null;
  justification: string | null;
  recipients: string | null;
  request_id: string | null;
  detail: ColumnType<unknown, string | null, never> | null;
  prev_hash: string;
  hash: string;
}

export interface AuditEntryRecordTable {
  audit_seq: number;
  record_id: string;
}

/** The marking columns every marked table carries (features/access/markings.ts). */
interface MarkingColumns {
  classification: string;
  handling_code: string;
  handling_conditions: string | null;
  owning_agency_id: string;
  access_list_id: string | null;
}

export interface PublicReportTable extends MarkingColumns {
  id: Generated<string>;
  lookup_id: string;
  secret_hash: string;
  category: string;
  what: string;
  where_text: string | null;
  when_date: string | null;
  when_text: string | null;
  who: string | null;
  received_at: Generated<Date>;
}

export interface PublicReportMessageTable extends MarkingColumns {
  id: Generated<string>;
  report_id: string;
  author_kind: 'reporter' | 'partnership';
  author_user_id: string | null;
  body: string;
  sent_at: Generated<Date>;
}

export interface PublicReportFileTable extends MarkingColumns {
  id: Generated<string>;
  report_id: string;
  variant: 'original' | 'sanitised';
  original_id: string | null;
  media_type: string;
  byte_size: number;
  sha256: string;
  content: Uint8Array;
  received_at: Generated<Date>;
}

export interface PublicReportPendingFileTable {
  token_hash: string;
  media_type: string;
  original: Uint8Array;
  sanitised: Uint8Array;
  findings: ColumnType<unknown, string, never>;
  byte_size: number;
  created_at: Generated<Date>;
  expires_at: Date;
}

// Public content (migration 0003): SOC categories and reporting channels, partner-editable.

export interface SocCategoryTable {
  slug: string;
  sort_order: number;
  created_at: CreatedAt;
}

export interface SocCategoryTextTable {
  category_slug: string;
  locale: string;
  name: string;
  summary: string;
  what_it_is: string;
  harm: string;
  /** jsonb: [{ heading, items }]; written as JSON text, read back parsed. */
  signs: ColumnType<unknown, string, string>;
}

export interface ReportingChannelTable {
  code: string;
  sort_order: number;
  kind: 'emergency' | 'report' | 'support';
  phone: string | null;
  out_of_hours_phone: string | null;
  text_number: string | null;
  email: string | null;
  web_url: string | null;
  anonymity: 'anonymous' | 'optional' | 'confidential' | 'identified' | 'unknown';
  is_local: boolean;
  /** date: 'YYYY-MM-DD' (see TYPE_PARSERS). */
  verified_on: string | null;
  source: string | null;
  verification_note: string | null;
  created_at: CreatedAt;
}

export interface ReportingChannelTextTable {
  channel_code: string;
  locale: string;
  name: string;
  summary: string;
  opening_hours: string | null;
  who_receives: string;
  anonymity_note: string;
  how_to: string | null;
}

export interface SocCategoryChannelTable {
  category_slug: string;
  channel_code: string;
  sort_order: number;
}

export interface PublicContentSeedTable {
  key: string;
  applied_at: CreatedAt;
}

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

export interface IntelligenceOriginalTable extends MarkingColumns {
  item_id: string;
  body: string;
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

// OCG register and 4P plans (migration 0008).
export interface OcgTable extends MarkingColumns {
  id: Generated<string>;
  reference: Generated<string>;
  name: string;
  operation_name: string | null;
  summary: string | null;
  categories: Generated<string[]>;
  areas: Generated<string[]>;
  status: Generated<'active' | 'dormant' | 'archived'>;
  lead_agency_id: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface OcgMemberTable {
  id: Generated<string>;
  ocg_id: string;
  entity_id: string;
  role: 'principal' | 'significant' | 'peripheral' | 'enabler' | 'associated';
  role_note: string | null;
  added_by: string | null;
  added_at: CreatedAt;
}

export interface OcgSourceTable {
  id: Generated<string>;
  ocg_id: string;
  item_id: string;
  member_id: string | null;
  statement: string;
  added_by: string | null;
  added_at: CreatedAt;
}

export interface ScoringModelTable {
  id: Generated<string>;
  key: string;
  version: number;
  name: string;
  description: string;
  /** Checked in code (features/groups/scoring.ts) before it is stored; never changed after. */
  definition: ColumnType<unknown, string, never>;
  is_default: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface OcgAssessmentTable {
  id: Generated<string>;
  ocg_id: string;
  scoring_model_id: string;
  /** [{ dimension, score, rationale }] for every dimension of the model. */
  scores: ColumnType<{ dimension: string; score: number; rationale: string }[], string, never>;
  unknowns: string | null;
  total: number;
  band: string;
  assessed_by: string;
  assessed_at: Generated<Date>;
}

export type Strand = 'pursue' | 'prevent' | 'protect' | 'prepare';

export interface TacticTable {
  id: Generated<string>;
  key: string;
  name: string;
  strand: Strand;
  lifestyle_area: 'lifestyle' | 'behaviour' | 'vehicles' | 'travel' | 'business' | 'crime';
  agency_kind: string;
  description: string;
  legal_basis: string;
  requirements: string;
  typical_impact: string;
  who_can_help: string;
  suggested_for: Generated<string[]>;
  source: string;
  verified_on: string;
  retired: Generated<boolean>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** Starter tactics already offered to this database (migration 0010), so none is offered twice. */
export interface TacticSeedTable {
  key: string;
  applied_at: Generated<Date>;
}

export interface PlanTable extends MarkingColumns {
  id: Generated<string>;
  reference: Generated<string>;
  title: string;
  ocg_id: string | null;
  subject_entity_id: string | null;
  owner_user_id: string;
  status: Generated<'open' | 'closed'>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface PlanObjectiveTable {
  id: Generated<string>;
  plan_id: string;
  strand: Strand;
  objective: string;
  position: Generated<number>;
  created_at: CreatedAt;
}

export interface PlanActionTable extends MarkingColumns {
  id: Generated<string>;
  plan_id: string;
  objective_id: string | null;
  strand: Strand;
  tactic_id: string | null;
  description: string;
  officer_user_id: string | null;
  target_entity_id: string | null;
  due_on: string | null;
  status: Generated<'planned' | 'in-progress' | 'completed' | 'cancelled'>;
  outcome: string | null;
  completed_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface DisruptionImpactTable {
  id: Generated<string>;
  action_id: string;
  rating: 'major' | 'moderate' | 'minor' | 'none' | 'negative';
  rationale: string;
  evidence: string | null;
  assessed_by: string;
  assessed_at: Generated<Date>;
  peer_reviewed_by: string | null;
  peer_reviewed_at: Date | null;
  peer_review_note: string | null;
}

export interface SafeguardingReferralTable extends MarkingColumns {
  id: Generated<string>;
  plan_id: string;
  victim_entity_id: string;
  victim_kind: 'child' | 'adult-at-risk' | 'cuckooing' | 'suspected-trafficking';
  route:
    | 'childrens-front-door'
    | 'adult-safeguarding'
    | 'national-referral-mechanism'
    | 'duty-to-notify'
    | 'mash'
    | 'other';
  route_note: string | null;
  reason: string;
  due_on: string | null;
  referred_on: string | null;
  referred_by: string | null;
  outcome: string | null;
  outcome_on: string | null;
  status: Generated<'to-make' | 'made' | 'closed'>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface Tables {
  schema_migration: SchemaMigrationTable;
  organisation: OrganisationTable;
  agency: AgencyTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  classification: ClassificationTable;
  handling_code: HandlingCodeTable;
  recovery_code: RecoveryCodeTable;
  sharing_rule: SharingRuleTable;
  access_list: AccessListTable;
  access_list_member: AccessListMemberTable;
  user_session: UserSessionTable;
  audit_entry: AuditEntryTable;
  audit_entry_record: AuditEntryRecordTable;
  public_report: PublicReportTable;
  public_report_message: PublicReportMessageTable;
  public_report_file: PublicReportFileTable;
  public_report_pending_file: PublicReportPendingFileTable;
  soc_category: SocCategoryTable;
  soc_category_text: SocCategoryTextTable;
  reporting_channel: ReportingChannelTable;
  reporting_channel_text: ReportingChannelTextTable;
  soc_category_channel: SocCategoryChannelTable;
  public_content_seed: PublicContentSeedTable;
  record_share: RecordShareTable;
  intelligence_item: IntelligenceItemTable;
  intelligence_original: IntelligenceOriginalTable;
  entity: EntityTable;
  entity_name: EntityNameTable;
  item_entity: ItemEntityTable;
  link: LinkTable;
  link_source: LinkSourceTable;
  import_upload: ImportUploadTable;
  ocg: OcgTable;
  ocg_member: OcgMemberTable;
  ocg_source: OcgSourceTable;
  scoring_model: ScoringModelTable;
  ocg_assessment: OcgAssessmentTable;
  tactic: TacticTable;
  tactic_seed: TacticSeedTable;
  plan: PlanTable;
  plan_objective: PlanObjectiveTable;
  plan_action: PlanActionTable;
  disruption_impact: DisruptionImpactTable;
  safeguarding_referral: SafeguardingReferralTable;
}
