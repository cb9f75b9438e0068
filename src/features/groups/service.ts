/**
 * The commands behind the OCG register's pages. Each runs in one transaction that loads the
 * Viewer, checks access, does the work and writes its one s62 audit entry, so nothing happens that
 * the log does not show and an entry that cannot be written undoes the work.
 *
 * Who may change an OCG: anyone the policy lets take the action on it (ocg:manage, and the OCG's
 * markings and sharing), not only its owning agency: the register is the partnership's, and the
 * coordinator scores and plans groups the police share with them.
 */
import type { Database, Queryable, Tx } from '../../db/database.js';
import type { Marking } from '../access/markings.js';
import { mayAccess, type RecordAction, type RecordType, type Viewer } from '../access/policy.js';
import { mayAccessRecord } from '../access/records.js';
import { findEntitiesByName, type NameMatch } from '../intelligence/name-search.js';
import { entityRecords } from '../intelligence/records.js';
import type {
  AssessAnswers,
  NewMemberAnswers,
  NewModelAnswers,
  NewOcgAnswers,
  NewSourceAnswers,
} from './forms.js';
import {
  assessmentsOf,
  insertAssessment,
  insertMember,
  insertModel,
  insertOcg,
  insertSource,
  listModels,
  loadModel,
  loadOcg,
  memberExists,
  membersOf,
  setDefaultModel,
  setOcgStatus,
  sourcesOf,
  visibleAreas,
  visibleItemByReference,
  visibleOcgs,
  type Assessment,
  type Member,
  type OcgListFilters,
  type OcgRow,
  type OcgStatus,
  type OcgWithMarking,
  type Source,
  type StoredModel,
} from './queries.js';
import { bandRank, parseDefinition, scoreAssessment, trendOf, type Trend } from './scoring.js';
import { commandKernel, done, notFound, refused, type Asker, type Outcome } from '../../web/commands.js';

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

export interface OcgHeading {
  id: string;
  reference: string;
  name: string;
}

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

function heading(ocg: OcgWithMarking): OcgHeading {
  return { id: ocg.id, reference: ocg.reference, name: ocg.name };
}

export function createOcgCommands(database: Database, options: { plansFor?: PlansFor } = {}) {
  const { audited, recorded } = commandKernel(database);

  /** The OCG, if the viewer may take `action` on records of `type` governed by it. */
  async function ocgFor(
    tx: Tx,
    viewer: Viewer,
    id: string,
    action: RecordAction = 'read',
    type: RecordType = 'ocg',
  ): Promise<OcgWithMarking | undefined> {
    const ocg = await loadOcg(tx, id);
    return ocg && mayAccess(viewer, action, type, ocg.marking) ? ocg : undefined;
  }

  const permissionsOn = (viewer: Viewer, marking: Marking | null): OcgPermissions => ({
    update: mayAccess(viewer, 'update', 'ocg', marking),
    addMember: mayAccess(viewer, 'create', 'ocg-member', marking),
    assess: mayAccess(viewer, 'create', 'ocg-assessment', marking),
  });

  return {
    /** The prioritised list: one consultation naming every OCG shown. */
    list(asker: Asker, filters: OcgListFilters): Promise<Outcome<{ ocgs: ListedOcg[]; areas: string[] }>> {
      return audited(asker, async (tx, viewer) => {
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
      });
    },

    /** Opens an OCG owned by the viewer's agency: a collection. */
    create(asker: Asker, answers: NewOcgAnswers): Promise<Outcome<{ id: string; reference: string }>> {
      return audited(asker, async (tx, viewer) => {
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
      });
    },

    /** The OCG page: one consultation naming the OCG, every entity and item shown. */
    page(asker: Asker, id: string): Promise<Outcome<OcgPage>> {
      return audited(asker, async (tx, viewer) => {
        const ocg = await ocgFor(tx, viewer, id);
        if (!ocg) return { outcome: notFound };
        const members = mayAccess(viewer, 'read', 'ocg-member', ocg.marking)
          ? await membersOf(tx, viewer, id)
          : [];
        const sources = await sourcesOf(tx, viewer, id);
        const history = mayAccess(viewer, 'read', 'ocg-assessment', ocg.marking)
          ? await assessmentsOf(tx, [id])
          : [];
        const assessments = history.map((a, i) => ({ ...a, trend: trendBetween(a, history[i + 1]) }));
        const plans = options.plansFor ? await options.plansFor(tx, viewer, id) : [];
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
            recordIds: [
              id,
              ...new Set(members.map((m) => m.entityId)),
              ...new Set(sources.map((s) => s.itemId)),
            ],
            detail: {
              members: members.map((m) => m.memberId),
              assessments: assessments.map((a) => a.id),
              plans: plans.map((p) => p.id),
            },
          },
        };
      });
    },

    /**
     * The add-a-member form, with entities the viewer may see whose names are like the one typed
     * (none are already members). A consultation of the OCG and of everyone found.
     */
    memberChoices(
      asker: Asker,
      id: string,
      search: string | undefined,
    ): Promise<Outcome<{ ocg: OcgHeading; found: NameMatch[]; members: Member[] }>> {
      return audited(asker, async (tx, viewer) => {
        const ocg = await ocgFor(tx, viewer, id, 'create', 'ocg-member');
        if (!ocg) return { outcome: notFound };
        const members = await membersOf(tx, viewer, id);
        const already = new Set(members.map((m) => m.entityId));
        const found = search
          ? (await findEntitiesByName(tx, viewer, search, { limit: 10 })).filter((m) => !already.has(m.id))
          : [];
        return {
          outcome: done({ ocg: heading(ocg), found, members }),
          entry: {
            action: 'consultation',
            recordType: 'ocg',
            recordIds: [id, ...found.map((f) => f.id)],
            detail: { purpose: 'choosing a member or associate', searched: Boolean(search) },
          },
        };
      });
    },

    /** Adds a person with their role, or an associated business, place or thing: a collection. */
    addMember(
      asker: Asker,
      id: string,
      answers: NewMemberAnswers,
    ): Promise<Outcome<{ ocg: OcgHeading; caption: string; memberId: string }>> {
      return audited(asker, async (tx, viewer) => {
        const ocg = await ocgFor(tx, viewer, id, 'create', 'ocg-member');
        if (!ocg) return { outcome: notFound };
        const record = await entityRecords.load(tx, answers.entity);
        if (!record || !mayAccessRecord(viewer, 'link', entityRecords, record)) {
          return { outcome: refused({ entity: 'Choose who or what to add' }) };
        }
        const schema = String(record.fields.schema);
        const caption = String(record.fields.caption);
        if (schema === 'Person' && answers.role === 'associated') {
          return {
            outcome: refused({
              role: 'Choose a person’s role: principal, significant, peripheral or enabler',
            }),
          };
        }
        if (schema !== 'Person' && answers.role !== 'associated') {
          return {
            outcome: refused({ role: `A ${schema.toLowerCase()} can only be associated with the group` }),
          };
        }
        if (await memberExists(tx, id, answers.entity)) {
          return { outcome: refused({ entity: `${caption} is already recorded in this group` }) };
        }
        let item: { id: string; reference: string } | undefined;
        if (answers.item) {
          item = await visibleItemByReference(tx, viewer, answers.item);
          if (!item) return { outcome: refused({ item: `There is no item ${answers.item} you may see` }) };
        }
        const memberId = await insertMember(tx, {
          ocgId: id,
          entityId: answers.entity,
          role: answers.role,
          roleNote: answers.roleNote,
          addedBy: viewer.userId,
        });
        if (item) {
          await insertSource(tx, {
            ocgId: id,
            itemId: item.id,
            memberId,
            statement: answers.statement ?? `${caption}: ${answers.role}`,
            addedBy: viewer.userId,
          });
        }
        return {
          outcome: done({ ocg: heading(ocg), caption, memberId }),
          entry: {
            action: 'collection',
            recordType: 'ocg-member',
            recordIds: [memberId, answers.entity, id],
            detail: { role: answers.role, ...(item ? { item: item.id } : {}) },
          },
        };
      });
    },

    /** The supporting-item form: a consultation of the OCG and the members it lists. */
    sourceForm(asker: Asker, id: string): Promise<Outcome<{ ocg: OcgHeading; members: Member[] }>> {
      return audited(asker, async (tx, viewer) => {
        const ocg = await ocgFor(tx, viewer, id, 'update');
        if (!ocg) return { outcome: notFound };
        const members = await membersOf(tx, viewer, id);
        return {
          outcome: done({ ocg: heading(ocg), members }),
          entry: {
            action: 'consultation',
            recordType: 'ocg',
            recordIds: [id, ...members.map((m) => m.entityId)],
          },
        };
      });
    },

    /** Attaches an item supporting a statement about the OCG or a member: an alteration. */
    addSource(
      asker: Asker,
      id: string,
      answers: NewSourceAnswers,
    ): Promise<Outcome<{ ocg: OcgHeading; reference: string }>> {
      return audited(asker, async (tx, viewer) => {
        const ocg = await ocgFor(tx, viewer, id, 'update');
        if (!ocg) return { outcome: notFound };
        const item = answers.item ? await visibleItemByReference(tx, viewer, answers.item) : undefined;
        if (!item) return { outcome: refused({ item: `There is no item ${answers.item} you may see` }) };
        let memberId: string | null = null;
        if (answers.member) {
          const member = (await membersOf(tx, viewer, id)).find((m) => m.memberId === answers.member);
          if (!member) return { outcome: refused({ member: 'Choose a member of this group, or none' }) };
          memberId = member.memberId;
        }
        const sourceId = await insertSource(tx, {
          ocgId: id,
          itemId: item.id,
          memberId,
          statement: answers.statement,
          addedBy: viewer.userId,
        });
        return {
          outcome: done({ ocg: heading(ocg), reference: item.reference }),
          entry: {
            action: 'alteration',
            recordType: 'ocg',
            recordIds: [id, item.id],
            detail: { change: 'supporting item', source: sourceId, member: memberId },
          },
        };
      });
    },

    /** The assessment form for one model (the default unless chosen): a consultation of the OCG. */
    assessForm(
      asker: Asker,
      id: string,
      modelId: string | undefined,
    ): Promise<
      Outcome<{ ocg: OcgHeading; model: StoredModel; models: StoredModel[]; latest: Assessment | undefined }>
    > {
      return audited(asker, async (tx, viewer) => {
        const ocg = await ocgFor(tx, viewer, id, 'create', 'ocg-assessment');
        if (!ocg) return { outcome: notFound };
        const models = await listModels(tx);
        const [latest] = await assessmentsOf(tx, [id]);
        const model = models.find((m) => m.id === modelId) ?? models.find((m) => m.isDefault) ?? models[0];
        if (!model) return { outcome: notFound };
        return {
          outcome: done({ ocg: heading(ocg), model, models, latest }),
          entry: {
            action: 'consultation',
            recordType: 'ocg',
            recordIds: [id],
            detail: { purpose: 'assessing' },
          },
        };
      });
    },

    /** Scores the OCG with a model; the total and band are computed here. History is kept. */
    assess(
      asker: Asker,
      id: string,
      answers: AssessAnswers,
    ): Promise<Outcome<{ ocg: OcgHeading; total: number; band: string }>> {
      return audited(asker, async (tx, viewer) => {
        const ocg = await ocgFor(tx, viewer, id, 'create', 'ocg-assessment');
        if (!ocg) return { outcome: notFound };
        const model = await loadModel(tx, answers.model);
        if (!model) return { outcome: refused({ model: 'Choose a scoring model' }) };
        const known = new Set(model.definition.dimensions.map((d) => d.key));
        const strays = Object.keys(answers).filter(
          (field) =>
            /^(score|rationale)-/.test(field) && !known.has(field.replace(/^(score|rationale)-/, '')),
        );
        if (strays.length) {
          return {
            outcome: refused({
              model: `This model has no ${strays.map((f) => `“${f}”`).join(', ')}: start again`,
            }),
          };
        }
        const given = model.definition.dimensions.map((d) => ({
          dimension: d.key,
          score: answers[`score-${d.key}`],
          rationale: answers[`rationale-${d.key}`],
        }));
        const result = scoreAssessment(model.definition, given);
        if (!result.ok) {
          return {
            outcome: refused(
              Object.fromEntries(result.errors.map((e) => [`${e.field}-${e.dimension}`, e.message])),
            ),
          };
        }
        const assessmentId = await insertAssessment(tx, {
          ocgId: id,
          modelId: model.id,
          scores: result.scores,
          unknowns: answers.unknowns,
          total: result.total,
          band: result.band,
          assessedBy: viewer.userId,
        });
        return {
          outcome: done({ ocg: heading(ocg), total: result.total, band: result.band }),
          entry: {
            action: 'collection',
            recordType: 'ocg-assessment',
            recordIds: [assessmentId, id],
            detail: { model: model.id, total: result.total, band: result.band },
          },
        };
      });
    },

    /** Active, dormant or archived: an alteration. */
    setStatus(asker: Asker, id: string, status: OcgStatus): Promise<Outcome<{ ocg: OcgHeading }>> {
      return audited(asker, async (tx, viewer) => {
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
      });
    },

    // Scoring models are reference data, not personal data: no s62 operation. Adding one or
    // changing the default changes how every OCG is prioritised, so it goes in the tamper-evident
    // log as a 'security' entry, as administrators' changes to agencies and sharing do.
    models(): Promise<StoredModel[]> {
      return listModels(database.db);
    },

    model(id: string): Promise<StoredModel | undefined> {
      return loadModel(database.db, id);
    },

    addModel(asker: Asker, answers: NewModelAnswers): Promise<Outcome<{ id: string; version: number }>> {
      const parsed = parseDefinition(answers.definition);
      if (!parsed.ok) return Promise.resolve(refused({ definition: parsed.errors.join('. ') }));
      return recorded(asker, async (tx) => {
        const added = await insertModel(tx, {
          key: answers.key,
          name: answers.name,
          description: answers.description,
          definition: parsed.definition,
          createdBy: asker.principal.userId,
        });
        if (answers.makeDefault === 'yes') await setDefaultModel(tx, added.id);
        return {
          outcome: done(added),
          entry: {
            action: 'security',
            recordType: 'scoring-model',
            recordIds: [added.id],
            detail: { key: answers.key, version: added.version, madeDefault: answers.makeDefault === 'yes' },
          },
        };
      });
    },

    makeDefault(asker: Asker, id: string): Promise<Outcome<StoredModel>> {
      return recorded(asker, async (tx) => {
        const model = await loadModel(tx, id);
        if (!model) return { outcome: notFound };
        await setDefaultModel(tx, id);
        return {
          outcome: done(model),
          entry: { action: 'security', recordType: 'scoring-model', recordIds: [id] },
        };
      });
    },
  };
}

export type OcgCommands = ReturnType<typeof createOcgCommands>;
