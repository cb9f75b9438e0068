/**
 * SQL for the link-chart import: the entities a name in the file matches among those the importer
 * may link, and the links an earlier import of the same chart made (by key). Callers decide and
 * audit; writes go through intelligence/queries.ts and intelligence/import/queries.ts.
 */
import type { Queryable } from '../../../db/database.js';
import { visibleSql, type Viewer } from '../../access/policy.js';

export interface NamedEntity {
  id: string;
  schema: string;
  /** The matching name or alias, normalised (entity_name.normalised). */
  normalised: string;
  classification: string;
  access_list_id: string | null;
}

/** Entities with one of these normalised names (or aliases) that the viewer may link. */
export async function linkableEntitiesNamed(
  q: Queryable,
  viewer: Viewer,
  names: readonly string[],
): Promise<NamedEntity[]> {
  if (!names.length) return [];
  return q
    .selectFrom('entity as e')
    .innerJoin('entity_name as n', 'n.entity_id', 'e.id')
    .select(['e.id', 'e.schema', 'n.normalised', 'e.classification', 'e.access_list_id'])
    .distinct()
    .where('n.normalised', 'in', [...new Set(names)])
    .where(visibleSql(viewer, 'link', 'entity', 'e'))
    .orderBy('e.id')
    .execute();
}

/** Entities with these keys, whether or not the viewer may see them (the caller decides). */
export async function entityIdsByKeys(
  q: Queryable,
  keys: readonly string[],
): Promise<{ id: string; source_key: string | null }[]> {
  if (!keys.length) return [];
  return q
    .selectFrom('entity')
    .select(['id', 'source_key'])
    .where('source_key', 'in', [...keys])
    .execute();
}

/** The importer's agency code and email address, for keys and the item's words. */
export async function importerDetails(
  q: Queryable,
  userId: string,
): Promise<{ email: string; code: string }> {
  return q
    .selectFrom('app_user')
    .innerJoin('agency', 'agency.id', 'app_user.agency_id')
    .select(['app_user.email', 'agency.code'])
    .where('app_user.id', '=', userId)
    .executeTakeFirstOrThrow();
}
