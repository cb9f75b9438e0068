/**
 * The OCG register's SQL for OCGs themselves, and the 4P plans the OCG page lists. Lists are
 * filtered by the access policy in SQL (`visibleSql`). Members and supporting items are in
 * member-queries.ts, scoring models and assessments in scoring-queries.ts.
 */
import { sql } from 'kysely';
import type { Queryable, Tx } from '../../db/database.js';
import type { OcgMemberTable } from '../../db/tables.js';
import { MARKING_COLUMNS, markingFromRow, type Marking } from '../access/markings.js';
import { visibleSql, type Viewer } from '../access/policy.js';
import { sharesOf } from '../access/shares.js';

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
