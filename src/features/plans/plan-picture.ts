/**
 * SQL for the plan's picture, which the suggested tactics and the action and referral forms use:
 * what the plan's subject shows, from what the viewer may see only. Every row is filtered in SQL
 * by the access policy: links by `visibleLinkSql`, involvements by `visibleInvolvementSql`.
 */
import { sql } from 'kysely';
import type { Queryable } from '../../db/database.js';
import { mayReadVictims, visibleSql, type Viewer } from '../access/policy.js';
import { ocgMembersVisibleTo } from '../groups/member-queries.js';
import { visibleInvolvementSql, visibleLinkSql } from '../access/derived.js';
import {
  LINK_TYPES,
  type EntityProperties,
  type EntitySchemaName,
  type LinkTypeName,
} from '../intelligence/index.js';
import type { PictureEntity, PictureVictim, PlanPicture } from './suggestions.js';

interface EntityRow {
  id: string;
  schema: EntitySchemaName;
  caption: string;
  properties: EntityProperties;
}

/** The OCG's visible members (with their roles) and its categories, if the viewer may see it. */
async function ocgAnchors(
  q: Queryable,
  viewer: Viewer,
  planOcgId: string,
): Promise<{ ocgId: string; categories: string[]; anchors: PictureEntity[] } | undefined> {
  const { rows: ocgRows } = await sql<{
    id: string;
    categories: string[];
  }>`select o.id, o.categories from ocg o
      where o.id = ${planOcgId} and ${visibleSql(viewer, 'read', 'ocg', 'o')}`.execute(q);
  const ocg = ocgRows[0];
  if (!ocg) return undefined;
  // The register's own rule for who sees which member (OCG, membership and entity readable).
  const members = await ocgMembersVisibleTo(q, viewer, ocg.id);
  const anchors = members
    .map((m) => ({
      id: m.entityId,
      schema: m.schema,
      caption: m.caption,
      properties: m.properties,
      role: m.role,
    }))
    // Suggestions list things in caption order, whatever the register's role order.
    .sort((a, b) =>
      a.caption < b.caption ? -1 : a.caption > b.caption ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
  return { ocgId: ocg.id, categories: [...ocg.categories].sort(), anchors };
}

/** The plan's subject entity, if the viewer may see it. */
async function subjectAnchors(
  q: Queryable,
  viewer: Viewer,
  subjectEntityId: string,
): Promise<PictureEntity[]> {
  const { rows } = await sql<EntityRow>`select e.id, e.schema, e.caption, e.properties from entity e
      where e.id = ${subjectEntityId} and ${visibleSql(viewer, 'read', 'entity', 'e')}`.execute(q);
  return rows.map((r) => ({ ...r, role: null, subject: true }));
}

/** Things one visible link away (never people): a member's vehicle, phone, business, home. */
async function linkedThings(
  q: Queryable,
  viewer: Viewer,
  anchors: PictureEntity[],
): Promise<PictureEntity[]> {
  const anchorIds = anchors.map((a) => a.id);
  const captionOf = new Map(anchors.map((a) => [a.id, a.caption]));
  const { rows: linked } = await sql<
    EntityRow & { anchor_id: string; link_type: LinkTypeName; outgoing: boolean }
  >`
    select e.id, e.schema, e.caption, e.properties, l.link_type,
      case when l.from_entity_id in (${sql.join(anchorIds)}) then l.from_entity_id else l.to_entity_id end as anchor_id,
      (l.from_entity_id in (${sql.join(anchorIds)})) as outgoing
    from link l join entity e
      on e.id = case when l.from_entity_id in (${sql.join(anchorIds)}) then l.to_entity_id else l.from_entity_id end
    where (l.from_entity_id in (${sql.join(anchorIds)}) or l.to_entity_id in (${sql.join(anchorIds)}))
      and e.schema <> 'Person'
      and ${visibleLinkSql(viewer, 'l')}
    order by e.caption, e.id, l.id`.execute(q);
  const entities: PictureEntity[] = [...anchors];
  const seen = new Set(anchorIds);
  for (const row of linked) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const spec = LINK_TYPES[row.link_type];
    entities.push({
      id: row.id,
      schema: row.schema,
      caption: row.caption,
      properties: row.properties,
      role: null,
      // The anchor is the link's "from": the thing is what the anchor <label>s, read backwards.
      via: {
        caption: captionOf.get(row.anchor_id) ?? '',
        reads: row.outgoing ? spec.reverseLabel : spec.label,
      },
    });
  }
  return entities;
}

interface VictimRow {
  id: string;
  caption: string;
  child: boolean;
  // array_agg over no categories is null.
  categories: string[] | null;
}

/** Victims recorded in items that support the OCG or involve the anchors (victims:read only). */
async function victimRowsOf(
  q: Queryable,
  viewer: Viewer,
  ocgId: string | null,
  anchorIds: string[],
): Promise<VictimRow[]> {
  const { rows } = await sql<VictimRow>`
    select e.id, e.caption, e.child, array_agg(distinct c) filter (where c is not null) as categories
    from item_entity ie
      join intelligence_item i on i.id = ie.item_id
      join entity e on e.id = ie.entity_id
      left join lateral unnest(i.categories) c on true
    where ie.subject_category = 'victim' and e.schema = 'Person'
      and (ie.item_id in (select s.item_id from ocg_source s where s.ocg_id = ${ocgId})
        or ie.item_id in (select x.item_id from item_entity x where x.entity_id in (${sql.join(anchorIds)})))
      and ${visibleInvolvementSql(viewer, 'ie', { item: 'i', entity: 'e' })}
      and e.id not in (${sql.join(anchorIds)})
    group by e.id, e.caption, e.child
    order by e.caption, e.id`.execute(q);
  return rows;
}

/** The victims with their hints of cuckooing and trafficking. */
async function victimsWithHints(
  q: Queryable,
  viewer: Viewer,
  victimRows: VictimRow[],
  allIds: string[],
  about: PlanPicture['about'],
): Promise<PictureVictim[]> {
  const victimIds = victimRows.map((v) => v.id);
  // Exploitation by anyone in the picture, and a victim's home that the picture's people use.
  const { rows: hints } = await sql<{ victim_id: string; kind: 'exploits' | 'home'; other: string }>`
    select l.to_entity_id as victim_id, 'exploits' as kind, f.caption as other
    from link l join entity f on f.id = l.from_entity_id
    where l.link_type = 'exploits' and l.to_entity_id in (${sql.join(victimIds)})
      and l.from_entity_id in (${sql.join(allIds)})
      and ${visibleLinkSql(viewer, 'l')}
    union all
    select h.from_entity_id as victim_id, 'home' as kind, a.caption as other
    from link h join entity a on a.id = h.to_entity_id
    where h.link_type = 'lives-at' and h.from_entity_id in (${sql.join(victimIds)})
      and h.to_entity_id in (${sql.join(allIds)})
      and ${visibleLinkSql(viewer, 'h')}
    order by 1, 2, 3`.execute(q);
  return victimRows.map((v) => {
    const own = hints.filter((h) => h.victim_id === v.id);
    const exploited = own.filter((h) => h.kind === 'exploits').map((h) => h.other);
    const home = own.find((h) => h.kind === 'home');
    const cuckooing = [
      ...(exploited.length ? [`exploited by ${exploited.join(' and ')}`] : []),
      ...(home
        ? [`their home, ${home.other}, is ${about === 'ocg' ? 'used by this OCG' : 'linked to this plan'}`]
        : []),
    ].join('; ');
    const trafficking = (v.categories ?? []).includes('modern-slavery-and-human-trafficking')
      ? 'recorded as a victim in intelligence about modern slavery and human trafficking'
      : null;
    return { id: v.id, caption: v.caption, child: v.child, cuckooing: cuckooing || null, trafficking };
  });
}

/**
 * What the plan's subject shows, from what the viewer may see only: the OCG's visible members
 * (with their roles) and the things one visible link away from them, or the plan's subject entity
 * and the things linked to it; the OCG's categories; and, only with victims:read, the victims
 * recorded in items that support the OCG or involve those members, with hints of cuckooing and
 * trafficking. People linked to members are not taken in, so no one hidden is implied.
 */
export async function planPicture(
  q: Queryable,
  viewer: Viewer,
  plan: { ocgId: string | null; subjectEntityId: string | null },
): Promise<PlanPicture> {
  const ocg = plan.ocgId ? await ocgAnchors(q, viewer, plan.ocgId) : undefined;
  const ocgId = ocg?.ocgId ?? null;
  const categories = ocg?.categories ?? [];
  const anchors: PictureEntity[] = ocg
    ? ocg.anchors
    : plan.subjectEntityId
      ? await subjectAnchors(q, viewer, plan.subjectEntityId)
      : [];
  const about = ocgId ? 'ocg' : 'subject';
  if (!anchors.length) return { about, entities: [], victims: [], categories };
  const entities = await linkedThings(q, viewer, anchors);
  if (!mayReadVictims(viewer)) return { about, entities, victims: [], categories };
  const anchorIds = anchors.map((a) => a.id);
  const victimRows = await victimRowsOf(q, viewer, ocgId, anchorIds);
  if (!victimRows.length) return { about, entities, victims: [], categories };
  const allIds = entities.map((e) => e.id);
  const victims = await victimsWithHints(q, viewer, victimRows, allIds, about);
  return { about, entities, victims, categories };
}
