/**
 * Table types for Kysely: one interface per table, kept beside the migrations that create them.
 * `Generated` marks columns the database fills in.
 */
import type { ColumnType, Generated } from 'kysely';

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
}

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  agency_id: string;
  password_hash: string | null;
  disabled_at: Date | null;
  created_at: CreatedAt;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
  granted_at: CreatedAt;
}

export interface Tables {
  schema_migration: SchemaMigrationTable;
  organisation: OrganisationTable;
  agency: AgencyTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
}
