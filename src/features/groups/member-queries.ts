/**
 * The OCG register's SQL for members and supporting items. Lists are filtered by the access
 * policy in SQL (`visibleSql`); a member or a supporting item appears only if the viewer may see
 * the entity or item it names.
 */
import { sql } from 'kysely';
import type { Queryable, Tx } from '../../db/database.js';
import { visibleSql, type Viewer } from '../access/policy.js';
import type { EntityProperties, EntitySchemaName } from '../intelligence/index.js';
import type { MemberRole } from './queries.js';

export interface Member {
  memberId: string;
  entityId: string;
  schema: EntitySchemaName;
  caption: string;
  role: MemberRole;
  roleNote: string | null;
  /** What the entity's record says (licence numbers, addresses...): the plans' suggestions read it. */
  properties: EntityProperties;
}

const ROLE_ORDER = sql<number>`array_position(array['principal', 'significant', 'peripheral', 'enabler', 'associated']::text[], m.role)`;

/** The OCG's members and associates whose entity the viewer may see, core first. */
export async function membersOf(q: Queryable, viewer: Viewer, ocgId: string): Promise<Member[]> {
  const rows = await q
    .selectFrom('ocg_member as m')
    .innerJoin('ocg as o', 'o.id', 'm.ocg_id')
    .innerJoin('entity as e', 'e.id', 'm.entity_id')
    .select(['m.id', 'm.entity_id', 'e.schema', 'e.caption', 'e.properties', 'm.role', 'm.role_note'])
    .where('m.ocg_id', '=', ocgId)
    .where(visibleSql(viewer, 'read', 'ocg-member', 'o'))
    .where(visibleSql(viewer, 'read', 'entity', 'e'))
    .orderBy(ROLE_ORDER)
    .orderBy('e.caption')
    .execute();
  return rows.map((r) => ({
    memberId: r.id,
    entityId: r.entity_id,
    schema: r.schema as EntitySchemaName,
    caption: r.caption,
    role: r.role,
    roleNote: r.role_note,
    properties: r.properties,
  }));
}

/**
 * The members of an OCG the viewer may see: the group's people and their associated businesses,
 * premises, vehicles and so on. For other features (4P plans, the network): the OCG's markings
 * and each entity's are both checked, so nothing hidden comes back.
 */
export async function ocgMembersVisibleTo(
  q: Queryable,
  viewer: Viewer,
  ocgId: string,
): Promise<
  {
    entityId: string;
    schema: EntitySchemaName;
    caption: string;
    role: MemberRole;
    properties: EntityProperties;
  }[]
> {
  return (await membersOf(q, viewer, ocgId)).map(({ entityId, schema, caption, role, properties }) => ({
    entityId,
    schema,
    caption,
    role,
    properties,
  }));
}

/** Whether the entity is a member of the OCG already, seen or not (a duplicate is refused). */
export async function memberExists(q: Queryable, ocgId: string, entityId: string): Promise<boolean> {
  const row = await q
    .selectFrom('ocg_member')
    .select('id')
    .where('ocg_id', '=', ocgId)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return Boolean(row);
}

export async function insertMember(
  tx: Tx,
  member: {
    ocgId: string;
    entityId: string;
    role: MemberRole;
    roleNote: string | null;
    addedBy: string | null;
  },
): Promise<string> {
  const row = await tx
    .insertInto('ocg_member')
    .values({
      ocg_id: member.ocgId,
      entity_id: member.entityId,
      role: member.role,
      role_note: member.roleNote,
      added_by: member.addedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface Source {
  id: string;
  itemId: string;
  reference: string;
  statement: string;
  memberCaption: string | null;
  addedAt: Date;
}

/**
 * The items supporting what the register says, only those the viewer may see; a statement about
 * a member is shown only if the member's entity is visible too.
 */
export async function sourcesOf(q: Queryable, viewer: Viewer, ocgId: string): Promise<Source[]> {
  const rows = await q
    .selectFrom('ocg_source as s')
    .innerJoin('intelligence_item as i', 'i.id', 's.item_id')
    .leftJoin('ocg_member as m', 'm.id', 's.member_id')
    .leftJoin('entity as e', 'e.id', 'm.entity_id')
    .select(['s.id', 's.item_id', 'i.reference', 's.statement', 'e.caption', 's.added_at'])
    .where('s.ocg_id', '=', ocgId)
    .where(visibleSql(viewer, 'read', 'intelligence-item', 'i'))
    .where((eb) => eb.or([eb('s.member_id', 'is', null), visibleSql(viewer, 'read', 'entity', 'e')]))
    .orderBy('s.added_at')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    reference: r.reference,
    statement: r.statement,
    memberCaption: r.caption,
    addedAt: r.added_at,
  }));
}

/** An item by its reference ("INT-000123", any case), if the viewer may read it. */
export async function visibleItemByReference(
  q: Queryable,
  viewer: Viewer,
  reference: string,
): Promise<{ id: string; reference: string } | undefined> {
  return q
    .selectFrom('intelligence_item as i')
    .select(['i.id', 'i.reference'])
    .where('i.reference', '=', reference.trim().toUpperCase())
    .where(visibleSql(viewer, 'read', 'intelligence-item', 'i'))
    .executeTakeFirst();
}

export async function insertSource(
  tx: Tx,
  source: {
    ocgId: string;
    itemId: string;
    memberId: string | null;
    statement: string;
    addedBy: string | null;
  },
): Promise<string> {
  const row = await tx
    .insertInto('ocg_source')
    .values({
      ocg_id: source.ocgId,
      item_id: source.itemId,
      member_id: source.memberId,
      statement: source.statement,
      added_by: source.addedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
