/**
 * SQL for the one search over intelligence: entities by name (fuzzy, sound-alike: name-search.ts)
 * and items by their words (PostgreSQL text search). Everything is filtered by the access policy
 * in SQL before it is counted, ranked or shown, so a count never includes a record the viewer may
 * not see. Nothing here writes the audit log: the caller does, in the same transaction.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../../../db/database.js';
import { visibleSql, type Viewer } from '../../access/policy.js';
import { searchEntityNames, type NameSearchResult } from '../name-search.js';
import type { EntitySchemaName } from '../schema.js';

/** What a person asked for, already validated (routes.ts). */
export interface SearchCriteria {
  text: string;
  /** An entity type, or 'intelligence-item' for items only; undefined for both. */
  type?: EntitySchemaName | 'intelligence-item';
  /** A SOC category slug (items only). */
  category?: string;
  area?: string;
  owningAgencyId?: string;
  /** Which date the range applies to (items only). */
  dateKind?: 'received' | 'occurred';
  /** 'YYYY-MM-DD', inclusive. */
  from?: string;
  to?: string;
}

export interface ItemHit {
  id: string;
  reference: string;
  sourceEvaluation: string | null;
  informationAssessment: string | null;
  legacySourceEvaluation: string | null;
  legacyIntelligenceAssessment: string | null;
  legacyHandling: string | null;
  handlingCode: string;
  categories: string[];
  area: string | null;
  receivedAt: Date;
  occurredOn: string | null;
  rank: number;
  /** Text around the matching words; matches are between HIGHLIGHT_START and HIGHLIGHT_END. */
  snippet: string;
}

export interface ItemSearchResult {
  hits: ItemHit[];
  /** How many visible items match in all. */
  total: number;
}

export interface SearchResult {
  entities: NameSearchResult;
  items: ItemSearchResult;
}

/** Control characters ts_headline wraps matches in; the page turns them into <mark> after escaping. */
export const HIGHLIGHT_START = '\u0001';
export const HIGHLIGHT_END = '\u0002';

export const RESULTS_SHOWN = 20;

/** Filters that only items have: with any of them, entities are not searched. */
export function itemsOnly(criteria: SearchCriteria): boolean {
  return (
    criteria.type === 'intelligence-item' ||
    criteria.category !== undefined ||
    criteria.from !== undefined ||
    criteria.to !== undefined
  );
}

export function entitiesOnly(criteria: SearchCriteria): boolean {
  return criteria.type !== undefined && criteria.type !== 'intelligence-item';
}

function itemConditions(viewer: Viewer, criteria: SearchCriteria): RawBuilder<boolean>[] {
  const conditions = [visibleSql(viewer, 'search', 'intelligence-item', 'i')];
  if (criteria.category) conditions.push(sql<boolean>`i.categories @> array[${criteria.category}]::text[]`);
  if (criteria.area) conditions.push(sql<boolean>`lower(i.area) = lower(${criteria.area})`);
  if (criteria.owningAgencyId) conditions.push(sql<boolean>`i.owning_agency_id = ${criteria.owningAgencyId}`);
  // Received is a moment, occurred a day: a range of days covers whole days in UTC.
  if (criteria.dateKind === 'occurred') {
    if (criteria.from) conditions.push(sql<boolean>`i.occurred_on >= ${criteria.from}::date`);
    if (criteria.to) conditions.push(sql<boolean>`i.occurred_on <= ${criteria.to}::date`);
  } else {
    if (criteria.from)
      conditions.push(sql<boolean>`i.received_at >= ${criteria.from}::date::timestamp at time zone 'UTC'`);
    if (criteria.to) {
      conditions.push(sql<boolean>`i.received_at < (${criteria.to}::date + 1)::timestamp at time zone 'UTC'`);
    }
  }
  return conditions;
}

/**
 * Items whose words match, best first: websearch_to_tsquery understands what people type
 * ("county lines" -cannabis, or), stems English words (dealing finds deal), and ts_rank orders
 * the matches. Only the shown items get a highlighted snippet (ts_headline reads the whole body).
 */
export async function searchItems(
  q: Queryable,
  viewer: Viewer,
  criteria: SearchCriteria,
  limit = RESULTS_SHOWN,
): Promise<ItemSearchResult> {
  const { rows } = await sql<ItemHit & { total: number }>`
    with query as (select websearch_to_tsquery('english', ${criteria.text}) as tsq),
    hits as (
      select i.id, ts_rank(i.search_vector, query.tsq) as rank, count(*) over () as total
      from intelligence_item i, query
      where i.search_vector @@ query.tsq and ${sql.join(itemConditions(viewer, criteria), sql` and `)}
      order by rank desc, i.received_at desc, i.id
      limit ${limit}
    )
    select i.id, i.reference, i.source_evaluation as "sourceEvaluation",
      i.information_assessment as "informationAssessment",
      i.legacy_source_evaluation as "legacySourceEvaluation",
      i.legacy_intelligence_assessment as "legacyIntelligenceAssessment",
      i.legacy_handling as "legacyHandling", i.handling_code as "handlingCode", i.categories, i.area,
      i.received_at as "receivedAt", i.occurred_on as "occurredOn", h.rank, h.total,
      ts_headline('english', translate(i.body, ${HIGHLIGHT_START + HIGHLIGHT_END}, ''), query.tsq,
        ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}
      ) as snippet
    from hits h join intelligence_item i on i.id = h.id, query
    order by h.rank desc, i.received_at desc, i.id`.execute(q);
  return { hits: rows.map(({ total: _total, ...hit }) => hit), total: rows[0]?.total ?? 0 };
}

/** The one search: entities and items the viewer may see, each counted over visible rows only. */
export async function search(
  q: Queryable,
  viewer: Viewer,
  criteria: SearchCriteria,
  limit = RESULTS_SHOWN,
): Promise<SearchResult> {
  const entities: NameSearchResult = itemsOnly(criteria)
    ? { matches: [], total: 0, more: false }
    : await searchEntityNames(q, viewer, criteria.text, {
        ...(criteria.type && criteria.type !== 'intelligence-item' ? { schemas: [criteria.type] } : {}),
        ...(criteria.area ? { area: criteria.area } : {}),
        ...(criteria.owningAgencyId ? { owningAgencyId: criteria.owningAgencyId } : {}),
        limit,
      });
  const items: ItemSearchResult = entitiesOnly(criteria)
    ? { hits: [], total: 0 }
    : await searchItems(q, viewer, criteria, limit);
  return { entities, items };
}

/** Every record a search shows, for its one audit entry: entities (people first) then items. */
export function recordsShown(result: SearchResult): string[] {
  return [...result.entities.matches.map((m) => m.id), ...result.items.hits.map((h) => h.id)];
}

/** Agencies for the "owning agency" filter: names of teams, not personal data. */
export async function agencyChoices(q: Queryable): Promise<{ id: string; name: string }[]> {
  const rows = await q
    .selectFrom('agency as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select(['a.id', 'a.name', 'o.name as organisation'])
    .orderBy('o.name')
    .orderBy('a.name')
    .execute();
  return rows.map((row) => ({ id: row.id, name: `${row.organisation}: ${row.name}` }));
}
