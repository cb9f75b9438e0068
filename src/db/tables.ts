/**
 * Table types for Kysely: one interface per table, in `tables/` by the area of the migrations that
 * create them, gathered here into the one `Tables` map. `Generated` marks columns the database
 * fills in.
 */
import type * as Access from './tables/access.js';
import type * as Public from './tables/public.js';
import type * as Intelligence from './tables/intelligence.js';
import type * as GroupsPlans from './tables/groups-plans.js';
import type * as Vocabularies from './tables/vocabularies.js';

export type { MarkingColumns } from './tables/common.js';
export type * from './tables/access.js';
export type * from './tables/public.js';
export type * from './tables/intelligence.js';
export type * from './tables/groups-plans.js';
export type * from './tables/vocabularies.js';

export interface Tables {
  schema_migration: Access.SchemaMigrationTable;
  organisation: Access.OrganisationTable;
  agency: Access.AgencyTable;
  app_user: Access.AppUserTable;
  user_role: Access.UserRoleTable;
  classification: Access.ClassificationTable;
  handling_code: Access.HandlingCodeTable;
  recovery_code: Access.RecoveryCodeTable;
  sharing_rule: Access.SharingRuleTable;
  access_change: Access.AccessChangeTable;
  access_list: Access.AccessListTable;
  access_list_member: Access.AccessListMemberTable;
  user_session: Access.UserSessionTable;
  audit_entry: Access.AuditEntryTable;
  audit_entry_record: Access.AuditEntryRecordTable;
  audit_chain_start: Access.AuditChainStartTable;
  public_report: Public.PublicReportTable;
  public_report_message: Public.PublicReportMessageTable;
  public_report_file: Public.PublicReportFileTable;
  public_report_pending_file: Public.PublicReportPendingFileTable;
  soc_category: Public.SocCategoryTable;
  soc_category_text: Public.SocCategoryTextTable;
  reporting_channel: Public.ReportingChannelTable;
  reporting_channel_text: Public.ReportingChannelTextTable;
  soc_category_channel: Public.SocCategoryChannelTable;
  public_content_seed: Public.PublicContentSeedTable;
  record_share: Intelligence.RecordShareTable;
  intelligence_item: Intelligence.IntelligenceItemTable;
  intelligence_original: Intelligence.IntelligenceOriginalTable;
  entity: Intelligence.EntityTable;
  entity_name: Intelligence.EntityNameTable;
  item_entity: Intelligence.ItemEntityTable;
  link: Intelligence.LinkTable;
  link_source: Intelligence.LinkSourceTable;
  import_upload: Intelligence.ImportUploadTable;
  ocg: GroupsPlans.OcgTable;
  ocg_member: GroupsPlans.OcgMemberTable;
  ocg_source: GroupsPlans.OcgSourceTable;
  scoring_model: GroupsPlans.ScoringModelTable;
  ocg_assessment: GroupsPlans.OcgAssessmentTable;
  tactic: GroupsPlans.TacticTable;
  tactic_seed: GroupsPlans.TacticSeedTable;
  plan: GroupsPlans.PlanTable;
  plan_objective: GroupsPlans.PlanObjectiveTable;
  plan_action: GroupsPlans.PlanActionTable;
  disruption_impact: GroupsPlans.DisruptionImpactTable;
  safeguarding_referral: GroupsPlans.SafeguardingReferralTable;
  entity_schema: Vocabularies.EntitySchemaTable;
  link_type: Vocabularies.LinkTypeTable;
}
