/** Table types for Kysely: vocabularies as reference tables and what refers to them (migration 0012). */

export interface EntitySchemaTable {
  code: string;
  sort_order: number;
}

export interface LinkTypeTable {
  code: string;
  sort_order: number;
}
