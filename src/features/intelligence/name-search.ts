/**
 * Finding entities by name as a person types it, misspelt or heard: trigram similarity on the
 * normalised names (pg_trgm) or every word sounding the same (Double Metaphone), only among
 * entities the viewer may search. Used by search, by the "pick an existing entity" suggestions
 * and by import matching, so all three find the same people.
 */
import { sql } from 'kysely';
import type { Queryable } from '../../db/database.js';
import { visibleSql, type Viewer } from '../access/policy.js';
import { normaliseName, type EntitySchemaName } from './schema.js';

export interface NameMatch {
  id: string;
  schema: EntitySchemaName;
  caption: string;
  /** The name or alias that matched, as written. */
  matchedName: string;
  /** Trigram similarity of that name to what was typed, 0-1. */
  score: number;
}

export async function findEntitiesByName(
  q: Queryable,
  viewer: Viewer,
  text: string,
  options: { schemas?: readonly EntitySchemaName[]; limit?: number } = {},
): Promise<NameMatch[]> {
  const typed = normaliseName(text);
  if (!typed) return [];
  const schemas = options.schemas?.length ? sql`and e.schema in (${sql.join([...options.schemas])})` : sql``;
  const { rows } = await sql<NameMatch>`
    with typed as (
      select ${typed}::text as t,
        array(select dmetaphone(word) from unnest(string_to_array(${typed}::text, ' ')) word
              where word <> '' and dmetaphone(word) <> '') as codes
    ),
    matched as (
      select distinct on (n.entity_id) n.entity_id, n.name, similarity(n.normalised, typed.t) as score
      from entity_name n, typed
      where n.normalised % typed.t
         or (cardinality(typed.codes) > 0 and n.sounds @> typed.codes)
      order by n.entity_id, similarity(n.normalised, typed.t) desc
    )
    select e.id, e.schema, e.caption, m.name as "matchedName", m.score
    from matched m join entity e on e.id = m.entity_id
    where ${visibleSql(viewer, 'search', 'entity', 'e')} ${schemas}
    order by m.score desc, e.caption, e.id
    limit ${options.limit ?? 10}`.execute(q);
  return rows;
}
