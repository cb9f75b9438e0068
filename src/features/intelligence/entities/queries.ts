/**
 * SQL for the entity pages: the entities involved in an item, an entity's involvements, its links
 * and their supporting items. Every list here is filtered in SQL by the access policy
 * (`visibleSql`): a link shows only if the viewer may see the link AND the entity at its other
 * end, and a supporting item or involvement only if the viewer may see the item (and, for a
 * victim's involvement, holds victims:read). Counts count only what the viewer may see.
 */
import { sql } from 'kysely';
import type { Queryable } from '../../../db/database.js';
import { visibleSql, type Viewer } from '../../access/policy.js';
import {
  hiddenByVictimsRuleSql,
  visibleInvolvementSql,
  visibleLinkSql,
  visibleSupportCountSql,
} from '../../access/derived.js';
import type { EntitySchemaName, LinkTypeName } from '../schema.js';

export interface EntitySummary {
  id: string;
  schema: EntitySchemaName;
  caption: string;
}

/** The entities an item mentions that the viewer may see, with the involvement they may see. */
export async function involvedEntities(
  q: Queryable,
  viewer: Viewer,
  itemId: string,
): Promise<EntitySummary[]> {
  const { rows } = await sql<EntitySummary>`
    select e.id, e.schema, e.caption
    from item_entity ie
      join intelligence_item i on i.id = ie.item_id
      join entity e on e.id = ie.entity_id
    where ie.item_id = ${itemId}
      and ${visibleInvolvementSql(viewer, 'ie', { item: 'i', entity: 'e' })}
    order by e.schema, e.caption, e.id`.execute(q);
  return rows;
}

/** Whether the entity is already involved in the item in a way the viewer may not see. */
export async function hiddenInvolvement(
  q: Queryable,
  viewer: Viewer,
  itemId: string,
  entityId: string,
): Promise<boolean> {
  const { rows } = await sql<{ hidden: boolean }>`
    select ${hiddenByVictimsRuleSql(viewer, 'ie')} as hidden
    from item_entity ie where ie.item_id = ${itemId} and ie.entity_id = ${entityId}`.execute(q);
  return rows[0]?.hidden ?? false;
}

export interface Involvement {
  item_id: string;
  reference: string;
  subject_category: string | null;
  statement_kind: string;
  source_evaluation: string | null;
  information_assessment: string | null;
  handling_code: string;
  legacy_source_evaluation: string | null;
  legacy_intelligence_assessment: string | null;
  legacy_handling: string | null;
  received_at: Date;
}

const ITEM_COLUMNS = sql`i.id as item_id, i.reference, i.statement_kind, i.source_evaluation,
  i.information_assessment, i.handling_code, i.legacy_source_evaluation,
  i.legacy_intelligence_assessment, i.legacy_handling, i.received_at`;

/** The items an entity is involved in, as the viewer may see them (victims only with victims:read). */
export async function involvementsOf(q: Queryable, viewer: Viewer, entityId: string): Promise<Involvement[]> {
  const { rows } = await sql<Involvement>`
    select ${ITEM_COLUMNS}, ie.subject_category
    from item_entity ie join intelligence_item i on i.id = ie.item_id
    where ie.entity_id = ${entityId}
      and ${visibleInvolvementSql(viewer, 'ie', { item: 'i' })}
    order by i.received_at desc, i.id`.execute(q);
  return rows;
}

export interface EntityLink {
  id: string;
  link_type: LinkTypeName;
  /** Whether this entity is the link's "from" end (the link then reads with its label). */
  outgoing: boolean;
  other_id: string;
  other_schema: EntitySchemaName;
  other_caption: string;
  start_date: string | null;
  end_date: string | null;
  confidence: string;
  /** Supporting items the viewer may see. */
  sources: number;
}

/**
 * An entity's links: only links the viewer may see, whose other entity the viewer may see, and
 * with at least one supporting item the viewer may see — so a hidden entity's name, or the fact
 * that a hidden link exists, never reaches the page.
 */
export async function linksOf(q: Queryable, viewer: Viewer, entityId: string): Promise<EntityLink[]> {
  const { rows } = await sql<EntityLink>`
    select l.id, l.link_type, (l.from_entity_id = ${entityId}) as outgoing,
      o.id as other_id, o.schema as other_schema, o.caption as other_caption,
      l.start_date, l.end_date, l.confidence, ${visibleSupportCountSql(viewer, 'l')} as sources
    from link l
      join entity o on o.id = case when l.from_entity_id = ${entityId} then l.to_entity_id else l.from_entity_id end
    where (l.from_entity_id = ${entityId} or l.to_entity_id = ${entityId})
      and ${visibleLinkSql(viewer, 'l')}
    order by o.caption, l.link_type, l.id`.execute(q);
  return rows;
}

export interface SupportingItem extends Omit<Involvement, 'subject_category'> {
  links: number;
}

/** The items the viewer may see that support the given links (the links shown on the page). */
export async function supportingItems(
  q: Queryable,
  viewer: Viewer,
  linkIds: readonly string[],
): Promise<SupportingItem[]> {
  if (!linkIds.length) return [];
  const { rows } = await sql<SupportingItem>`
    select ${ITEM_COLUMNS}, count(ls.link_id)::int as links
    from link_source ls join intelligence_item i on i.id = ls.item_id
    where ls.link_id in (${sql.join([...linkIds])})
      and ${visibleSql(viewer, 'read', 'intelligence-item', 'i')}
    group by i.id
    order by i.received_at desc, i.id`.execute(q);
  return rows;
}

/**
 * The same link already on record and visible to the viewer (same type and ends; either way round
 * for an undirected type), so adding it again adds a source rather than a second link.
 */
export async function sameLink(
  q: Queryable,
  viewer: Viewer,
  link: { type: LinkTypeName; from: string; to: string; directed: boolean },
): Promise<string | undefined> {
  const reversed = link.directed
    ? sql``
    : sql`or (l.from_entity_id = ${link.to} and l.to_entity_id = ${link.from})`;
  const { rows } = await sql<{ id: string }>`
    select l.id from link l
    where l.link_type = ${link.type}
      and ((l.from_entity_id = ${link.from} and l.to_entity_id = ${link.to}) ${reversed})
      and ${visibleLinkSql(viewer, 'l', { withoutSupport: true })}
    order by l.created_at, l.id
    limit 1`.execute(q);
  return rows[0]?.id;
}

/**
 * sameLink for many links at once (an import's rows): for each, the first such link on record
 * and visible to the viewer, by the link's index in the list. One statement, whatever the count.
 */
export async function sameLinks(
  q: Queryable,
  viewer: Viewer,
  links: readonly { type: LinkTypeName; from: string; to: string; directed: boolean }[],
): Promise<Map<number, string>> {
  if (!links.length) return new Map();
  const wanted = JSON.stringify(links.map((link, n) => ({ n, ...link })));
  const { rows } = await sql<{ n: number; id: string }>`
    select distinct on (r.n) r.n, l.id
    from json_to_recordset(${wanted}::json) as r(n int, type text, "from" uuid, "to" uuid, directed boolean)
    join lateral (
      select l.id, l.created_at from link l
      where l.link_type = r.type and l.from_entity_id = r."from" and l.to_entity_id = r."to"
        and ${visibleSql(viewer, 'read', 'link', 'l')}
      union all
      select l.id, l.created_at from link l
      where not r.directed and l.link_type = r.type and l.from_entity_id = r."to" and l.to_entity_id = r."from"
        and ${visibleSql(viewer, 'read', 'link', 'l')}
    ) l on true
    order by r.n, l.created_at, l.id`.execute(q);
  return new Map(rows.map((row) => [row.n, row.id] as const));
}

export async function agencyName(q: Queryable, agencyId: string): Promise<string> {
  const row = await q.selectFrom('agency').select('name').where('id', '=', agencyId).executeTakeFirst();
  return row?.name ?? 'another agency';
}
