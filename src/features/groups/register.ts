/**
 * The register itself: the prioritised list, opening an OCG, its page and its status. Plain
 * functions of the command's transaction and viewer; service.ts runs each as one audited command.
 */
import type { Queryable, Tx } from '../../db/database.js';
import type { Marking } from '../access/markings.js';
import { mayAccess, type Viewer } from '../access/policy.js';
import { done, notFound, refused, type Recorded } from '../../web/commands.js';
import type { NewOcgAnswers } from './forms.js';
import { heading, ocgFor, type OcgHeading } from './ocg-access.js';
import { membersOf, sourcesOf, type Member, type Source } from './member-queries.js';
import {
  insertOcg,
  setOcgStatus,
  visibleAreas,
  visibleOcgs,
  type OcgListFilters,
  type OcgRow,
  type OcgStatus,
  type OcgWithMarking,
} from './queries.js';
import { assessmentsOf, type Assessment } from './scoring-queries.js';
import { bandRank, trendOf, type Trend } from './scoring.js';

export interface ListedOcg extends OcgRow {
  latest: Assessment | undefined;
  previous: Assessment | undefined;
  trend: Trend | undefined;
}

/** What the viewer may do on an OCG's page. */
export interface OcgPermissions {
  update: boolean;
  addMember: boolean;
  assess: boolean;
}

export interface OcgPage {
  ocg: OcgWithMarking;
  members: Member[];
  sources: Source[];
  assessments: (Assessment & { trend: Trend })[];
  plans: PlanLink[];
  may: OcgPermissions;
}

/** A 4P plan for an OCG, as its page links to it. */
export interface PlanLink {
  id: string;
  href: string;
  title: string;
  status?: string;
}

/**
 * The 4P plans for an OCG that the viewer may see, supplied by the plans feature at the
 * composition root (main.ts): read in the page's transaction and named in its consultation.
 */
export type PlansFor = (q: Queryable, viewer: Viewer, ocgId: string) => Promise<PlanLink[]>;

/**
 * The prioritised order: assessed OCGs by their latest band (highest harm first, its position in
 * the model it was scored with), then by total, highest first; then those not yet assessed; ties by
 * reference. Totals of different models are compared as numbers, which only matters within a band.
 */
export function prioritise(ocgs: readonly ListedOcg[]): ListedOcg[] {
  const rank = (o: ListedOcg) =>
    o.latest ? bandRank(o.latest.model.definition, o.latest.band) : Number.POSITIVE_INFINITY;
  return [...ocgs].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (b.latest?.total ?? 0) - (a.latest?.total ?? 0) ||
      a.reference.localeCompare(b.reference),
  );
}

function trendBetween(latest: Assessment, previous: Assessment | undefined): Trend {
  const point = (a: Assessment) => ({
    modelId: a.model.id,
    modelKey: a.model.key,
    total: a.total,
    bandRank: bandRank(a.model.definition, a.band),
  });
  return trendOf(point(latest), previous && point(previous));
}

const permissionsOn = (viewer: Viewer, marking: Marking | null): OcgPermissions => ({
  update: mayAccess(viewer, 'update', 'ocg', marking),
  addMember: mayAccess(viewer, 'create', 'ocg-member', marking),
  assess: mayAccess(viewer, 'create', 'ocg-assessment', marking),
});

/** The prioritised list: one consultation naming every OCG shown. */
export async function listOcgs(
  tx: Tx,
  viewer: Viewer,
  filters: OcgListFilters,
): Promise<Recorded<{ ocgs: ListedOcg[]; areas: string[] }>> {
  const rows = await visibleOcgs(tx, viewer, filters);
  const assessments = await assessmentsOf(
    tx,
    rows.map((r) => r.id),
  );
  const listed = rows.map((row) => {
    const [latest, previous] = assessments.filter((a) => a.ocgId === row.id);
    return { ...row, latest, previous, trend: latest && trendBetween(latest, previous) };
  });
  const ocgs = prioritise(listed);
  return {
    outcome: done({ ocgs, areas: await visibleAreas(tx, viewer) }),
    entry: {
      action: 'consultation',
      recordType: 'ocg',
      recordIds: ocgs.map((o) => o.id),
      detail: { filters },
    },
  };
}

/** Opens an OCG owned by the viewer's agency: a collection. */
export async function openOcg(
  tx: Tx,
  viewer: Viewer,
  answers: NewOcgAnswers,
): Promise<Recorded<{ id: string; reference: string }>> {
  const lead = await tx
    .selectFrom('agency')
    .select('id')
    .where('id', '=', answers.leadAgency)
    .executeTakeFirst();
  if (!lead) return { outcome: refused({ leadAgency: 'Select the lead agency' }) };
  const marking: Marking = {
    classification: answers.classification,
    handlingCode: answers.handling,
    handlingConditions: answers.handling === 'C' ? answers.conditions : null,
    owningAgencyId: viewer.agencyId,
    accessListId: null,
  };
  if (!mayAccess(viewer, 'create', 'ocg', marking)) {
    return {
      outcome: refused({ classification: 'You are not cleared to record at this classification' }),
    };
  }
  const created = await insertOcg(
    tx,
    {
      name: answers.name,
      operationName: answers.operationName,
      summary: answers.summary,
      categories: answers.categories,
      areas: answers.areas,
      status: answers.status,
      leadAgencyId: answers.leadAgency,
      createdBy: viewer.userId,
    },
    marking,
  );
  return {
    outcome: done(created),
    entry: { action: 'collection', recordType: 'ocg', recordIds: [created.id] },
  };
}

/** The OCG page: one consultation naming the OCG, every entity and item shown. */
export async function ocgPage(
  tx: Tx,
  viewer: Viewer,
  id: string,
  plansFor: PlansFor | undefined,
): Promise<Recorded<OcgPage>> {
  const ocg = await ocgFor(tx, viewer, id);
  if (!ocg) return { outcome: notFound };
  const members = mayAccess(viewer, 'read', 'ocg-member', ocg.marking) ? await membersOf(tx, viewer, id) : [];
  const sources = await sourcesOf(tx, viewer, id);
  const history = mayAccess(viewer, 'read', 'ocg-assessment', ocg.marking)
    ? await assessmentsOf(tx, [id])
    : [];
  const assessments = history.map((a, i) => ({ ...a, trend: trendBetween(a, history[i + 1]) }));
  const plans = plansFor ? await plansFor(tx, viewer, id) : [];
  return {
    outcome: done({
      ocg,
      members,
      sources,
      assessments,
      plans,
      may: permissionsOn(viewer, ocg.marking),
    }),
    entry: {
      action: 'consultation',
      recordType: 'ocg',
      recordIds: [id, ...new Set(members.map((m) => m.entityId)), ...new Set(sources.map((s) => s.itemId))],
      detail: {
        members: members.map((m) => m.memberId),
        assessments: assessments.map((a) => a.id),
        plans: plans.map((p) => p.id),
      },
    },
  };
}

/** Active, dormant or archived: an alteration. */
export async function changeStatus(
  tx: Tx,
  viewer: Viewer,
  id: string,
  status: OcgStatus,
): Promise<Recorded<{ ocg: OcgHeading }>> {
  const ocg = await ocgFor(tx, viewer, id, 'update');
  if (!ocg) return { outcome: notFound };
  await setOcgStatus(tx, id, status);
  return {
    outcome: done({ ocg: heading(ocg) }),
    entry: {
      action: 'alteration',
      recordType: 'ocg',
      recordIds: [id],
      detail: { change: 'status', from: ocg.status, to: status },
    },
  };
}
