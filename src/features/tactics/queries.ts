/**
 * All SQL for the tactics and powers library. Tactics are reference data (not personal data, no
 * markings): every signed-in partner may read them, the coordinator changes them (service.ts).
 * `listTactics`, `tacticsByKeys` and `activeTactics` are also what the plans feature's suggestion
 * engine reads.
 */
import { sql, type Selectable } from 'kysely';
import type { Queryable } from '../../db/database.js';
import type { TacticTable } from '../../db/tables.js';
import { likePattern } from '../access/records.js';
import type { LifestyleArea, Strand } from './vocabulary.js';

export type TacticRow = Selectable<TacticTable>;

/** What a plan needs of a tactic to suggest it and show why. */
export interface TacticSummary {
  id: string;
  key: string;
  name: string;
  strand: Strand;
  lifestyle_area: LifestyleArea;
  agency_kind: string;
  legal_basis: string;
  requirements: string;
  typical_impact: string;
  suggested_for: string[];
}

const SUMMARY_COLUMNS = [
  'id',
  'key',
  'name',
  'strand',
  'lifestyle_area',
  'agency_kind',
  'legal_basis',
  'requirements',
  'typical_impact',
  'suggested_for',
] as const;

export interface TacticFilter {
  strand?: Strand | null;
  lifestyleArea?: LifestyleArea | null;
  agencyKind?: string | null;
  /** Words searched in the name, description, legal basis and agency kind. */
  words?: string | null;
  /** Retired tactics too (the library page shows them on request). */
  includeRetired?: boolean;
  /** Only tactics whose `suggested_for` holds this value (vocabulary.ts SUGGESTED_FOR). */
  suggestedFor?: string | null;
}

/** The library in strand order, then by name, filtered. */
export async function listTactics(
  q: Queryable,
  filter: TacticFilter = {},
): Promise<(TacticSummary & { retired: boolean; verified_on: string; source: string })[]> {
  let query = q
    .selectFrom('tactic')
    .select([...SUMMARY_COLUMNS, 'retired', 'verified_on', 'source'])
    .orderBy(sql`array_position(array['pursue','prevent','protect','prepare']::text[], strand)`)
    .orderBy('name');
  if (!filter.includeRetired) query = query.where('retired', '=', false);
  if (filter.strand) query = query.where('strand', '=', filter.strand);
  if (filter.lifestyleArea) query = query.where('lifestyle_area', '=', filter.lifestyleArea);
  if (filter.agencyKind) query = query.where('agency_kind', '=', filter.agencyKind);
  if (filter.suggestedFor) {
    const wanted = filter.suggestedFor;
    query = query.where(sql<boolean>`${wanted} = any(suggested_for)`);
  }
  // Every word must appear somewhere, so "closure drugs" narrows rather than widens.
  for (const word of (filter.words ?? '').split(/\s+/).filter(Boolean).slice(0, 10)) {
    const pattern = likePattern(word);
    query = query.where((eb) =>
      eb.or([
        eb('name', 'ilike', pattern),
        eb('description', 'ilike', pattern),
        eb('legal_basis', 'ilike', pattern),
        eb('agency_kind', 'ilike', pattern),
        eb('key', 'ilike', pattern),
      ]),
    );
  }
  return await query.execute();
}

/** The tactics with these keys (retired ones included: a plan may already name one). */
export async function tacticsByKeys(q: Queryable, keys: readonly string[]): Promise<TacticSummary[]> {
  if (keys.length === 0) return [];
  return await q
    .selectFrom('tactic')
    .select([...SUMMARY_COLUMNS])
    .where('key', 'in', [...keys])
    .orderBy('name')
    .execute();
}

/** Every tactic in use (not retired): what suggestions are drawn from. */
export async function activeTactics(q: Queryable): Promise<TacticSummary[]> {
  return await q
    .selectFrom('tactic')
    .select([...SUMMARY_COLUMNS])
    .where('retired', '=', false)
    .orderBy('name')
    .execute();
}

export async function tacticById(q: Queryable, id: string): Promise<TacticRow | undefined> {
  return q.selectFrom('tactic').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function tacticIdByKey(q: Queryable, key: string): Promise<string | undefined> {
  return (await q.selectFrom('tactic').select('id').where('key', '=', key).executeTakeFirst())?.id;
}

/** The kinds of agency named in the library, for the filter. */
export async function agencyKinds(q: Queryable): Promise<string[]> {
  const rows = await q.selectFrom('tactic').select('agency_kind').distinct().orderBy('agency_kind').execute();
  return rows.map((row) => row.agency_kind);
}

/** The fields a coordinator edits. */
export interface TacticFields {
  name: string;
  strand: Strand;
  lifestyle_area: LifestyleArea;
  agency_kind: string;
  description: string;
  legal_basis: string;
  requirements: string;
  typical_impact: string;
  who_can_help: string;
  suggested_for: string[];
  source: string;
  verified_on: string;
}

export async function insertTactic(
  q: Queryable,
  fields: TacticFields & { key: string },
  userId: string,
): Promise<string> {
  const row = await q
    .insertInto('tactic')
    .values({ ...fields, updated_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTactic(
  q: Queryable,
  id: string,
  fields: TacticFields,
  userId: string,
): Promise<boolean> {
  const result = await q
    .updateTable('tactic')
    .set({ ...fields, updated_by: userId, updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setRetired(
  q: Queryable,
  id: string,
  retired: boolean,
  userId: string,
): Promise<boolean> {
  const result = await q
    .updateTable('tactic')
    .set({ retired, updated_by: userId, updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
