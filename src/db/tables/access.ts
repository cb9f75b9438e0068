/** Table types for Kysely: Foundation, partner access and the s62 audit log (migrations 0001, 0002). */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './common.js';

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
  /** `user:<id> agency:<id>` on the one standing need-to-know list of an officer and their agency. */
  standing_key: string | null;
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

/** Where the keyed (HMAC) audit chain starts: one row (migration 0014). */
export interface AuditChainStartTable {
  only_row: Generated<boolean>;
  keyed_from_seq: number;
  started_at: Generated<Date>;
}

export interface AccessChangeTable {
  id: Generated<string>;
  kind: 'user-access' | 'sharing-rule' | 'sharing-rule-removal';
  status: 'pending' | 'approved' | 'rejected' | 'applied' | 'withdrawn';
  user_id: string | null;
  roles: string[] | null;
  clearance: string | null;
  previous_roles: string[] | null;
  previous_clearance: string | null;
  owner_agency_id: string | null;
  partner_agency_id: string | null;
  record_type: string | null;
  sharing_rule_id: string | null;
  requested_by: string | null;
  requested_at: CreatedAt;
  decided_by: string | null;
  decided_at: Date | null;
}
