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

export interface Tables {
  schema_migration: SchemaMigrationTable;
  organisation: OrganisationTable;
  agency: AgencyTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  soc_category: SocCategoryTable;
  soc_category_text: SocCategoryTextTable;
  reporting_channel: ReportingChannelTable;
  reporting_channel_text: ReportingChannelTextTable;
  soc_category_channel: SocCategoryChannelTable;
  public_content_seed: PublicContentSeedTable;
}
