/** Table types for Kysely: Public reports and public content (migrations 0003, 0004, 0012). */
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { CreatedAt, MarkingColumns } from './common.js';

export interface PublicReportTable extends MarkingColumns {
  id: Generated<string>;
  lookup_id: string;
  secret_hash: string;
  category: string;
  /** The category's code, or null for "not sure": derived from `category`. */
  soc_category: GeneratedAlways<string | null>;
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

/** The nine SOC categories (rows put there by migration 0012): the public slug, the code records carry. */
export interface SocCategoryTable {
  slug: string;
  code: string;
  label: string;
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
