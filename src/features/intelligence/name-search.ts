/**
 * Finding entities by name as a person types it, misspelt or heard: trigram similarity on the
 * normalised names (pg_trgm) or every word sounding the same (Double Metaphone), only among
 * entities the viewer may search. Used by search, by the "pick an existing entity" suggestions
 * and by import matching, so all three find the same people.
 */
import { sql, type RawBuilder } from 'kysely';
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

export interface NameSearchOptions {
  schemas?: readonly EntitySchemaName[];
  /** Only entities recorded in this area (compared without regard to case). */
  area?: string;
  /** Only entities owned by this agency. */
  owningAgencyId?: string;
  limit?: number;
}

export interface NameSearchResult {
  matches: (NameMatch & { matchedKind: 'name' | 'alias'; soundsAlike: boolean })[];
  /** How many visible entities match in all (counted up to NAME_CANDIDATE_LIMIT names). */
  total: number;
  /** More visible names matched than were ranked: the person should say more of the name. */
  more: boolean;
  /** How they were found: the search keys, or trigram similarity when the keys found nobody. */
  by?: 'keys' | 'similarity';
}

/**
 * At most this many visible matching names are ranked. A single common word ("Jan") sounds like
 * tens of thousands of names; ranking them all would cost every search, so the page says
 * "more than" and asks for more of the name. Counted after the access filter, so the cap never
 * tells anyone about names they may not see.
 */
export const NAME_CANDIDATE_LIMIT = 2000;

/**
 * Sounding the same counts for this much on top of trigram similarity when ranking: enough to lift
 * "John Smith" for "Jon Smyth", not so much that Double Metaphone's four-letter codes rank Wójcik
 * above a misspelt Wojciechowski (measured on the bench:search population).
 */
const SOUND_ALIKE_BONUS = 0.15;

/** Words typed beyond this many are left to ranking: names rarely have more. */
const MAX_WORDS = 6;

/**
 * The best visible matches and how many visible entities match. Candidates come from the search
 * keys (migration 0006): every word typed must be, in some word of the name, the same word within
 * one typing error, the same sound (Double Metaphone), or the same consonant skeleton. Each is
 * joined to its entity and filtered by the access policy before anything is counted or ranked.
 * When the keys find nobody, trigram similarity (pg_trgm's `%`) looks again: slower at a million
 * names, but it finds more errors, an address typed with its town, a phone written another way.
 * Ranking is trigram similarity of the whole name (pg_trgm), and a name that sounds the same ranks
 * above one that merely shares letters: "Jon Smyth" and "John Smith" are only 0.31 similar by
 * trigrams, yet plainly the same name said aloud.
 */
export async function searchEntityNames(
  q: Queryable,
  viewer: Viewer,
  text: string,
  options: NameSearchOptions = {},
): Promise<NameSearchResult> {
  const typed = normaliseName(text);
  // One-letter words are initials: too broad to find by, still counted by similarity.
  const words = [...new Set(typed.split(' ').filter((word) => word.length >= 2))].slice(0, MAX_WORDS);
  if (!typed) return { matches: [], total: 0, more: false };
  const filters = [visibleSql(viewer, 'search', 'entity', 'e')];
  if (options.schemas?.length) filters.push(sql<boolean>`e.schema in (${sql.join([...options.schemas])})`);
  if (options.area) filters.push(sql<boolean>`lower(e.area) = lower(${options.area})`);
  if (options.owningAgencyId) filters.push(sql<boolean>`e.owning_agency_id = ${options.owningAgencyId}`);
  const byKeys = words.length
    ? await rankedNames(q, typed, [
        ...words.map((word) => sql<boolean>`n.keys && name_search_keys(${word}::text)`),
        ...filters,
      ])
    : { matches: [], total: 0, more: false };
  if (byKeys.total > 0) return { ...byKeys, by: 'keys' };
  // Nothing by the keys: a name typed with more errors, a town added to an address, a phone
  // number written another way. Trigram similarity over the whole name (pg_trgm's GIN) finds
  // those; it reads more of the index, so it runs only when the keys found nobody.
  return {
    ...(await rankedNames(q, typed, [sql<boolean>`n.normalised % ${typed}::text`, ...filters])),
    by: 'similarity',
  };

  async function rankedNames(
    db: Queryable,
    t: string,
    conditions: RawBuilder<boolean>[],
  ): Promise<NameSearchResult> {
    const { rows } = await sql<NameSearchResult['matches'][number] & { total: number; names: number }>`
      with typed as (
        select ${t}::text as t,
          array(select dmetaphone(word) from unnest(string_to_array(${t}::text, ' ')) word
                where word <> '' and dmetaphone(word) <> '') as codes
      ),
      candidates as (
        select n.entity_id, n.name, n.kind, similarity(n.normalised, typed.t) as score,
          (cardinality(typed.codes) > 0 and n.sounds @> typed.codes) as sounds_alike
        from typed, entity_name n join entity e on e.id = n.entity_id
        where ${sql.join(conditions, sql` and `)}
        limit ${NAME_CANDIDATE_LIMIT + 1}
      ),
      best as (
        select distinct on (entity_id) entity_id, name, kind, score, sounds_alike,
          score + case when sounds_alike then ${SOUND_ALIKE_BONUS}::real else 0 end as rank
        from candidates
        order by entity_id, rank desc
      )
      select e.id, e.schema, e.caption, b.name as "matchedName", b.kind as "matchedKind", b.score,
        b.sounds_alike as "soundsAlike", count(*) over () as total,
        (select count(*) from candidates) as names
      from best b join entity e on e.id = b.entity_id
      order by b.rank desc, e.caption, e.id
      limit ${options.limit ?? 10}`.execute(db);
    return {
      matches: rows.map(({ total: _total, names: _names, ...match }) => match),
      total: rows[0]?.total ?? 0,
      more: (rows[0]?.names ?? 0) > NAME_CANDIDATE_LIMIT,
    };
  }
}

export async function findEntitiesByName(
  q: Queryable,
  viewer: Viewer,
  text: string,
  options: { schemas?: readonly EntitySchemaName[]; limit?: number } = {},
): Promise<NameMatch[]> {
  const { matches } = await searchEntityNames(q, viewer, text, options);
  return matches.map(({ id, schema, caption, matchedName, score }) => ({
    id,
    schema,
    caption,
    matchedName,
    score,
  }));
}
