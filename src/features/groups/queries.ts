/**
 * All the OCG register's SQL: OCGs, their members and supporting items, assessments, and the
 * scoring models. Lists are filtered by the access policy in SQL (`visibleSql`); a member or a
 * supporting item appears only if the viewer may see the entity or item it names.
 */
import { sql } from 'kysely';
import type { Queryable, Tx } from '../../db/database.js';
import type { OcgMemberTable } from '../../db/tables.js';
import { MARKING_COLUMNS, markingFromRow, type Marking } from '../access/markings.js';
import { visibleSql, type Viewer } from '../access/policy.js';
import { sharesOf } from '../access/shares.js';
import type { EntityProperties, EntitySchemaName } from '../intelligence/schema.js';
import type { DimensionScore, ScoringDefinition, ScoringModel } from './scoring.js';

export type OcgStatus = 'active' | 'dormant' | 'archived';
export type MemberRole = OcgMemberTable['role'];

export const OCG_STATUSES: Record<OcgStatus, string> = {
  active: 'Active',
  dormant: 'Dormant',
  archived: 'Archived',
};

/** Roles in the order the OCG page lists them: the group's core first. */
export const MEMBER_ROLES: Record<MemberRole, string> = {
  principal: 'Principal',
  significant: 'Significant',
  peripheral: 'Peripheral',
  enabler: 'Enabler (for example a lawyer or accountant)',
  associated: 'Associated business, premises, vehicle, phone or account',
};

// ---- Scoring models -------------------------------------------------------------------------

export interface StoredModel extends ScoringModel {
  isDefault: boolean;
  createdAt: Date;
}

const MODEL_COLUMNS = [
  'id',
  'key',
  'version',
  'name',
  'description',
  'definition',
  'is_default',
  'created_at',
] as const;

function asModel(row: {
  id: string;
  key: string;
  version: number;
  name: string;
  description: string;
  definition: unknown;
  is_default: boolean;
  created_at: Date;
}): StoredModel {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    description: row.description,
    // Checked by scoring.ts before it was stored, and never changed since (the 0008 trigger).
    definition: row.definition as ScoringDefinition,
    isDefault: row.is_default,
    createdAt: row.created_at,
  };
}

export async function listModels(q: Queryable): Promise<StoredModel[]> {
  const rows = await q
    .selectFrom('scoring_model')
    .select([...MODEL_COLUMNS])
    .orderBy('is_default', 'desc')
    .orderBy('key')
    .orderBy('version', 'desc')
    .execute();
  return rows.map(asModel);
}

export async function loadModel(q: Queryable, id: string): Promise<StoredModel | undefined> {
  const row = await q
    .selectFrom('scoring_model')
    .select([...MODEL_COLUMNS])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && asModel(row);
}

/** Adds a model as the next version of its key (version 1 for a new key). */
export async function insertModel(
  tx: Tx,
  model: { key: string; name: string; description: string; definition: ScoringDefinition; createdBy: string },
): Promise<{ id: string; version: number }> {
  // One version number at a time per key, even with two coordinators adding at once.
  await sql`select pg_advisory_xact_lock(hashtext(${`scoring-model:${model.key}`}))`.execute(tx);
  const latest = await tx
    .selectFrom('scoring_model')
    .select(sql<number>`coalesce(max(version), 0)`.as('v'))
    .where('key', '=', model.key)
    .executeTakeFirstOrThrow();
  const version = latest.v + 1;
  const row = await tx
    .insertInto('scoring_model')
    .values({
      key: model.key,
      version,
      name: model.name,
      description: model.description,
      definition: JSON.stringify(model.definition),
      created_by: model.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, version };
}

/** Makes one model the default (only `is_default` changes: the trigger allows that). */
export async function setDefaultModel(tx: Tx, id: string): Promise<void> {
  await tx.updateTable('scoring_model').set({ is_default: false }).where('is_default', '=', true).execute();
  await tx.updateTable('scoring_model').set({ is_default: true }).where('id', '=', id).execute();
}

// ---- OCGs -----------------------------------------------------------------------------------

export interface OcgRow {
  id: string;
  reference: string;
  name: string;
  operation_name: string | null;
  summary: string | null;
  categories: string[];
  areas: string[];
  status: OcgStatus;
  lead_agency_id: string;
  lead_agency: string;
  owning_agency: string;
  created_at: Date;
  updated_at: Date;
}

export interface OcgWithMarking extends OcgRow {
  marking: Marking | null;
}

/** One OCG by id with its markings (and one-record shares), unfiltered: check with mayAccess. */
export async function loadOcg(q: Queryable, id: string): Promise<OcgWithMarking | undefined> {
  const row = await q
    .selectFrom('ocg as o')
    .innerJoin('agency as lead', 'lead.id', 'o.lead_agency_id')
    .innerJoin('agency as owner', 'owner.id', 'o.owning_agency_id')
    .select([
      'o.id',
      'o.reference',
      'o.name',
      'o.operation_name',
      'o.summary',
      'o.categories',
      'o.areas',
      'o.status',
      'o.lead_agency_id',
      'lead.name as lead_agency',
      'owner.name as owning_agency',
      'o.created_at',
      'o.updated_at',
      ...MARKING_COLUMNS.map((c) => `o.${c}` as const),
    ])
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const shares = await sharesOf(q, 'ocg', [id]);
  return { ...row, marking: markingFromRow(row, shares.get(id) ?? []) };
}

export interface OcgListFilters {
  category?: string | undefined;
  area?: string | undefined;
  status?: OcgStatus | 'all' | undefined;
}

/** The OCGs the viewer may list, filtered; ordering by band is done with the models (service). */
export async function visibleOcgs(q: Queryable, viewer: Viewer, filters: OcgListFilters): Promise<OcgRow[]> {
  let query = q
    .selectFrom('ocg as o')
    .innerJoin('agency as lead', 'lead.id', 'o.lead_agency_id')
    .innerJoin('agency as owner', 'owner.id', 'o.owning_agency_id')
    .select([
      'o.id',
      'o.reference',
      'o.name',
      'o.operation_name',
      'o.summary',
      'o.categories',
      'o.areas',
      'o.status',
      'o.lead_agency_id',
      'lead.name as lead_agency',
      'owner.name as owning_agency',
      'o.created_at',
      'o.updated_at',
    ])
    .where(visibleSql(viewer, 'list', 'ocg', 'o'));
  if (filters.category) query = query.where(sql<boolean>`${filters.category} = any(o.categories)`);
  if (filters.area) {
    query = query.where(
      sql<boolean>`exists (select 1 from unnest(o.areas) a where lower(a) = lower(${filters.area}))`,
    );
  }
  if (filters.status && filters.status !== 'all') query = query.where('o.status', '=', filters.status);
  else if (!filters.status) query = query.where('o.status', '<>', 'archived');
  return query.orderBy('o.reference').execute();
}

/** The areas named by OCGs the viewer may list, for the area filter. */
export async function visibleAreas(q: Queryable, viewer: Viewer): Promise<string[]> {
  const { rows } = await sql<{ area: string }>`select distinct a as area from ocg o, unnest(o.areas) a
    where ${visibleSql(viewer, 'list', 'ocg', 'o')} order by a`.execute(q);
  return rows.map((r) => r.area);
}

export async function insertOcg(
  tx: Tx,
  ocg: {
    name: string;
    operationName: string | null;
    summary: string | null;
    categories: string[];
    areas: string[];
    status: OcgStatus;
    leadAgencyId: string;
    createdBy: string;
  },
  marking: Marking,
): Promise<{ id: string; reference: string }> {
  return tx
    .insertInto('ocg')
    .values({
      name: ocg.name,
      operation_name: ocg.operationName,
      summary: ocg.summary,
      categories: ocg.categories,
      areas: ocg.areas,
      status: ocg.status,
      lead_agency_id: ocg.leadAgencyId,
      created_by: ocg.createdBy,
      classification: marking.classification,
      handling_code: marking.handlingCode,
      handling_conditions: marking.handlingConditions,
      owning_agency_id: marking.owningAgencyId,
      access_list_id: marking.accessListId,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
}

export async function setOcgStatus(tx: Tx, id: string, status: OcgStatus): Promise<void> {
  await tx.updateTable('ocg').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function agencyOptions(q: Queryable): Promise<{ id: string; name: string }[]> {
  return q.selectFrom('agency').select(['id', 'name']).orderBy('name').execute();
}

// ---- Members and supporting items -----------------------------------------------------------

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

// ---- Assessments ----------------------------------------------------------------------------

export interface Assessment {
  id: string;
  ocgId: string;
  model: StoredModel;
  scores: DimensionScore[];
  unknowns: string | null;
  total: number;
  band: string;
  assessor: string;
  assessedAt: Date;
}

/** Assessments of these OCGs, newest first within each, with the model each was made with. */
export async function assessmentsOf(q: Queryable, ocgIds: readonly string[]): Promise<Assessment[]> {
  if (!ocgIds.length) return [];
  const rows = await q
    .selectFrom('ocg_assessment as a')
    .innerJoin('scoring_model as s', 's.id', 'a.scoring_model_id')
    .innerJoin('app_user as u', 'u.id', 'a.assessed_by')
    .select([
      'a.id',
      'a.ocg_id',
      'a.scores',
      'a.unknowns',
      'a.total',
      'a.band',
      'a.assessed_at',
      'u.display_name',
      's.id as model_id',
      's.key',
      's.version',
      's.name',
      's.description',
      's.definition',
      's.is_default',
      's.created_at',
    ])
    .where('a.ocg_id', 'in', [...ocgIds])
    .orderBy('a.ocg_id')
    .orderBy('a.assessed_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ocgId: r.ocg_id,
    model: asModel({ ...r, id: r.model_id }),
    scores: r.scores,
    unknowns: r.unknowns,
    total: r.total,
    band: r.band,
    assessor: r.display_name,
    assessedAt: r.assessed_at,
  }));
}

export async function insertAssessment(
  tx: Tx,
  assessment: {
    ocgId: string;
    modelId: string;
    scores: DimensionScore[];
    unknowns: string | null;
    total: number;
    band: string;
    assessedBy: string;
    assessedAt?: Date;
  },
): Promise<string> {
  const row = await tx
    .insertInto('ocg_assessment')
    .values({
      ocg_id: assessment.ocgId,
      scoring_model_id: assessment.modelId,
      scores: JSON.stringify(assessment.scores),
      unknowns: assessment.unknowns,
      total: assessment.total,
      band: assessment.band,
      assessed_by: assessment.assessedBy,
      ...(assessment.assessedAt ? { assessed_at: assessment.assessedAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.updateTable('ocg').set({ updated_at: new Date() }).where('id', '=', assessment.ocgId).execute();
  return row.id;
}

// ---- 4P plans for an OCG (the OCG page lists them; plans live in features/plans) ------------

/** The plans for this OCG the viewer may list, newest first. */
export async function plansOfOcg(
  q: Queryable,
  viewer: Viewer,
  ocgId: string,
): Promise<{ id: string; href: string; title: string; status: string }[]> {
  const rows = await q
    .selectFrom('plan as p')
    .select(['p.id', 'p.reference', 'p.title', 'p.status'])
    .where('p.ocg_id', '=', ocgId)
    .where(visibleSql(viewer, 'list', 'plan', 'p'))
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    href: `/partner/plans/${r.id}`,
    title: `${r.reference} ${r.title}`,
    status: r.status,
  }));
}
