/**
 * SQL for building a viewer's network (build.ts). Every query here filters by the access policy in
 * SQL: an entity only if the viewer may read it; a link only if the viewer may read the link, BOTH
 * its ends, and at least one of its supporting items that also meets the grading asked for (the
 * entity page's rule). Expansion runs only through such links, so a hidden entity can never be a
 * bridge to visible ones, and nothing hidden is counted.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../../db/database.js';
import { visibleLinkSql } from '../access/derived.js';
import { visibleSql, type Viewer } from '../access/policy.js';
import { ocgMembersVisibleTo as groupMembersVisibleTo } from '../groups/member-queries.js';
import type { NetworkEdge } from './types.js';

/** Ids go into `in (...)` lists this many at a time: far below PostgreSQL's parameter limit. */
export const ID_BATCH = 500;

export interface LinkFilters {
  linkTypes?: readonly string[];
  /** 'YYYY-MM-DD': the link's dates must overlap this window (an open end overlaps anything). */
  from?: string;
  to?: string;
  minConfidence?: 'low' | 'medium' | 'high';
  /** 3x5x2 grade at least this good: source 1 (best) to 3, information A (best) to E. */
  minSourceEvaluation?: '1' | '2' | '3';
  minInformationAssessment?: 'A' | 'B' | 'C' | 'D' | 'E';
}

export interface EntityRow {
  id: string;
  schema: string;
  caption: string;
}

export interface LinkRow {
  id: string;
  link_type: string;
  from_entity_id: string;
  to_entity_id: string;
  start_date: string | null;
  end_date: string | null;
  confidence: NetworkEdge['confidence'];
  from_schema: string;
  from_caption: string;
  to_schema: string;
  to_caption: string;
}

function batches<T>(items: readonly T[], size = ID_BATCH): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** The given entities the viewer may read (the rest are dropped silently: they do not exist). */
export async function visibleEntities(
  q: Queryable,
  viewer: Viewer,
  ids: readonly string[],
): Promise<EntityRow[]> {
  const rows: EntityRow[] = [];
  for (const batch of batches([...new Set(ids)])) {
    const { rows: found } = await sql<EntityRow>`
      select e.id, e.schema, e.caption from entity e
      where e.id in (${sql.join(batch)}) and ${visibleSql(viewer, 'read', 'entity', 'e')}`.execute(q);
    rows.push(...found);
  }
  return rows;
}

/**
 * An OCG the viewer may read, with its members they may see (the OCG register's own query,
 * `groups/member-queries.ts ocgMembersVisibleTo`: the membership readable, which carries the OCG's
 * markings, and the entity readable). Undefined if the viewer may not see the OCG.
 */
export async function ocgMembersVisibleTo(
  q: Queryable,
  viewer: Viewer,
  ocgId: string,
): Promise<{ reference: string; name: string; members: EntityRow[] } | undefined> {
  const { rows: ocgs } = await sql<{ reference: string; name: string }>`
    select o.reference, o.name from ocg o
    where o.id = ${ocgId} and ${visibleSql(viewer, 'read', 'ocg', 'o')}`.execute(q);
  const ocg = ocgs[0];
  if (!ocg) return undefined;
  const members = await groupMembersVisibleTo(q, viewer, ocgId);
  return {
    ...ocg,
    members: members
      .map((m) => ({ id: m.entityId, schema: m.schema, caption: m.caption }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/**
 * The handling codes of entities and links already in the viewer's network (an export shows the
 * conditions of any handling C record before it goes).
 */
export async function handlingOf(
  q: Queryable,
  entityIds: readonly string[],
  linkIds: readonly string[],
): Promise<{ handling_code: string; handling_conditions: string | null }[]> {
  const rows: { handling_code: string; handling_conditions: string | null }[] = [];
  for (const [table, ids] of [
    ['entity', entityIds],
    ['link', linkIds],
  ] as const) {
    for (const batch of batches([...ids])) {
      const { rows: found } = await sql<{ handling_code: string; handling_conditions: string | null }>`
        select handling_code, handling_conditions from ${sql.table(table)}
        where id in (${sql.join(batch)}) and handling_code = 'C'`.execute(q);
      rows.push(...found);
    }
  }
  return rows;
}

/** Which of these entities are principal members of an OCG whose membership the viewer may read. */
export async function ocgPrincipalsAmong(
  q: Queryable,
  viewer: Viewer,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of batches([...new Set(ids)])) {
    const { rows } = await sql<{ entity_id: string }>`
      select distinct m.entity_id from ocg_member m join ocg o on o.id = m.ocg_id
      where m.entity_id in (${sql.join(batch)}) and m.role = 'principal'
        and ${visibleSql(viewer, 'read', 'ocg-member', 'o')}`.execute(q);
    for (const row of rows) found.add(row.entity_id);
  }
  return found;
}

const CONFIDENCE_RANK = sql`case l.confidence when 'low' then 1 when 'medium' then 2 else 3 end`;
const RANK = { low: 1, medium: 2, high: 3 } as const;

/** The conditions every link in a network meets, as SQL over `link l`, `entity a`, `entity b`. */
function qualifyingLink(viewer: Viewer, filters: LinkFilters): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [];
  if (filters.linkTypes?.length) parts.push(sql`l.link_type in (${sql.join([...filters.linkTypes])})`);
  if (filters.from) parts.push(sql`(l.end_date is null or l.end_date >= ${filters.from}::date)`);
  if (filters.to) parts.push(sql`(l.start_date is null or l.start_date <= ${filters.to}::date)`);
  if (filters.minConfidence) parts.push(sql`${CONFIDENCE_RANK} >= ${RANK[filters.minConfidence]}`);
  // Grades compare as single characters: '1' < '2' < '3' and 'A' < ... < 'E', best first.
  const grade = (i: string): RawBuilder<unknown> => {
    const column = (name: string) => sql.ref(`${i}.${name}`);
    const conditions: RawBuilder<unknown>[] = [sql`true`];
    if (filters.minSourceEvaluation)
      conditions.push(
        sql`${column('source_evaluation')} is not null and ${column('source_evaluation')} <= ${filters.minSourceEvaluation}`,
      );
    if (filters.minInformationAssessment)
      conditions.push(
        sql`${column('information_assessment')} is not null and ${column('information_assessment')} <= ${filters.minInformationAssessment}`,
      );
    return sql`(${sql.join(conditions, sql` and `)})`;
  };
  parts.push(visibleLinkSql(viewer, 'l', { ends: ['a', 'b'], itemCondition: grade }));
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

const LINK_COLUMNS = sql`l.id, l.link_type, l.from_entity_id, l.to_entity_id, l.start_date, l.end_date,
  l.confidence, a.schema as from_schema, a.caption as from_caption, b.schema as to_schema,
  b.caption as to_caption`;

/** Qualifying links with at least one end among `ids` (one hop out from them). */
export async function linksTouching(
  q: Queryable,
  viewer: Viewer,
  ids: readonly string[],
  filters: LinkFilters,
): Promise<LinkRow[]> {
  const rows = new Map<string, LinkRow>();
  const condition = qualifyingLink(viewer, filters);
  for (const batch of batches(ids)) {
    const list = sql.join(batch);
    const { rows: found } = await sql<LinkRow>`
      select ${LINK_COLUMNS}
      from link l join entity a on a.id = l.from_entity_id join entity b on b.id = l.to_entity_id
      where (l.from_entity_id in (${list}) or l.to_entity_id in (${list})) and ${condition}`.execute(q);
    for (const row of found) rows.set(row.id, row);
  }
  return [...rows.values()];
}
