/**
 * The OCG register's pages under /partner/ocgs: the prioritised list, opening an OCG, its page,
 * adding members and supporting items, assessing it with a harm scoring model, its status; and
 * the scoring models (reference data, for the coordinator). Routes are thin: the commands
 * (service.ts) check access and write the one audit entry in the same transaction as the work.
 */
import type { Request, Response } from 'express';
import { route, type RouteSpec } from '../../web/routes.js';
import { type FormErrors } from '../../web/validation.js';
import type { FormFlash } from '../access/form-flash.js';
import { ENTITY_SCHEMAS } from '../intelligence/schema.js';
import {
  assessQuerySchema,
  assessSchema,
  categoryName,
  categoryOptions,
  listFilterSchema,
  makeDefaultSchema,
  memberSearchSchema,
  newMemberSchema,
  newModelSchema,
  newOcgSchema,
  newSourceSchema,
  statusSchema,
} from './forms.js';
import { DEFAULT_SCORING_MODEL } from './default-scoring-model.js';
import { agencyOptions, MEMBER_ROLES, OCG_STATUSES } from './queries.js';
import { bandRank, explainScore, TREND_TEXT, totalRange, type ScoringDefinition } from './scoring.js';
import type { OcgCommands } from './service.js';
import { formFinisher } from '../../web/commands.js';
import { principalMayAct } from '../access/principal.js';
import type { Database } from '../../db/database.js';
import { askerOf, formValues, givenParam, pageNotFound, uuidParam } from '../../web/partner-pages.js';

const READ = { permission: 'intelligence:read' } as const;
const MANAGE = { permission: 'ocg:manage' } as const;
const REFERENCE = { permission: 'reference-data:manage' } as const;
const VIEWS = 'groups/views';

const ocgPath = (id: string) => `/partner/ocgs/${id}`;
const MODELS = '/partner/ocgs/scoring-models';

const dateText = (date: Date) =>
  date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });

const statusOptions = (selected?: string) =>
  Object.entries(OCG_STATUSES).map(([value, text]) => ({ value, text, checked: value === selected }));

/** Each dimension of a model as radios over its scale, with the answers given so far. */
function dimensionFields(definition: ScoringDefinition, values: Record<string, unknown>) {
  return definition.dimensions.map((d) => ({
    key: d.key,
    label: d.label,
    description: d.description,
    weight: d.weight,
    rationale: typeof values[`rationale-${d.key}`] === 'string' ? values[`rationale-${d.key}`] : '',
    items: d.scale.points
      .slice()
      .sort((a, b) => b.value - a.value)
      .map((p) => ({
        value: String(p.value),
        text: `${p.value}: ${p.meaning}`,
        checked: values[`score-${d.key}`] === String(p.value),
      })),
  }));
}

export interface OcgRouteDependencies {
  commands: OcgCommands;
  flash: FormFlash;
  database: Database;
}

export function ocgRoutes({ commands, flash, database }: OcgRouteDependencies): RouteSpec[] {
  const backTo =
    (page: (id: string) => string) =>
    (req: Request, res: Response, errors: FormErrors): Promise<void> =>
      flash.redirectWithErrors(res, page(givenParam(req, 'id')), errors, formValues(req));

  const finish = formFinisher(flash);

  return [
    // The prioritised list.
    route({
      method: 'get',
      path: '/partner/ocgs',
      access: READ,
      audit: 'ocgs.list',
      s62: 'consultation',
      query: listFilterSchema,
      handle: async ({ res, query }) => {
        const status = query.status || undefined;
        const filters = {
          category: query.category || undefined,
          area: query.area || undefined,
          status,
        };
        const outcome = await commands.list(askerOf(res, 'ocgs.unknown'), filters);
        if (outcome.kind !== 'done') return pageNotFound(res);
        const principal = res.locals.principal;
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/list.njk`, {
          ocgs: outcome.value.ocgs.map((o) => ({
            ...o,
            categoryNames: o.categories.map(categoryName),
            statusText: OCG_STATUSES[o.status],
            trendText: o.trend ? TREND_TEXT[o.trend] : 'Not yet assessed',
            assessedOn: o.latest ? dateText(o.latest.assessedAt) : null,
            // Sorting by band (with JavaScript) keeps the model's order, highest harm first.
            bandRank: o.latest ? bandRank(o.latest.model.definition, o.latest.band) : 99,
          })),
          categoryOptions: [
            { value: '', text: 'Any category' },
            ...categoryOptions.map((c) => ({ ...c, selected: c.value === filters.category })),
          ],
          areaOptions: [
            { value: '', text: 'Any area' },
            ...outcome.value.areas.map((a) => ({ value: a, text: a, selected: a === filters.area })),
          ],
          statusOptions: [
            { value: '', text: 'Active and dormant', selected: !status },
            ...Object.entries(OCG_STATUSES).map(([value, text]) => ({
              value,
              text,
              selected: value === status,
            })),
            { value: 'all', text: 'All, including archived', selected: status === 'all' },
          ],
          mayCreate: principalMayAct(principal, 'create', 'ocg'),
          mayManageModels: principalMayAct(principal, 'create', 'scoring-model'),
          filtered: Boolean(filters.category || filters.area || status),
          ...(await flash.take(res, '/partner/ocgs')),
        });
      },
    }),

    // Opening an OCG.
    route({
      method: 'get',
      path: '/partner/ocgs/new',
      access: MANAGE,
      audit: 'ocgs.create.view',
      handle: async ({ res }) => {
        const kept = await flash.take(res, res.req.path);
        const values = kept.values ?? {
          status: 'active',
          classification: 'OFFICIAL-SENSITIVE',
          handling: 'P',
        };
        const checked = new Set(Array.isArray(values.categories) ? values.categories : [values.categories]);
        res.render(`${VIEWS}/new.njk`, {
          values,
          categoryItems: categoryOptions.map((c) => ({ ...c, checked: checked.has(c.value) })),
          statusItems: statusOptions(typeof values.status === 'string' ? values.status : 'active'),
          agencyItems: [
            { value: '', text: 'Choose the lead agency' },
            ...(await agencyOptions(database.db)).map((a) => ({
              value: a.id,
              text: a.name,
              selected: a.id === values.leadAgency,
            })),
          ],
          ...(kept.errors ? { errors: kept.errors } : {}),
        });
      },
    }),
    route({
      method: 'post',
      path: '/partner/ocgs/new',
      access: MANAGE,
      audit: 'ocgs.create',
      s62: 'collection',
      body: newOcgSchema,
      invalid: backTo(() => '/partner/ocgs/new'),
      handle: async ({ req, res, body }) => {
        const outcome = await commands.create(askerOf(res, 'ocgs.unknown'), body);
        await finish(res, outcome, { page: '/partner/ocgs/new', values: formValues(req) }, (created) => ({
          page: ocgPath(created.id),
          notice: `${created.reference} has been opened`,
        }));
      },
    }),

    // Scoring models: reference data for the coordinator.
    route({
      method: 'get',
      path: MODELS,
      access: REFERENCE,
      audit: 'scoring-models.list',
      handle: async ({ res }) => {
        const models = await commands.models();
        res.render(`${VIEWS}/models.njk`, {
          models: models.map((m) => ({ ...m, created: dateText(m.createdAt) })),
          ...(await flash.take(res, MODELS)),
        });
      },
    }),
    route({
      method: 'get',
      path: `${MODELS}/new`,
      access: REFERENCE,
      audit: 'scoring-models.add.view',
      handle: async ({ res }) => {
        const kept = await flash.take(res, res.req.path);
        res.render(`${VIEWS}/model-new.njk`, {
          values: kept.values ?? { makeDefault: 'no' },
          example: JSON.stringify(DEFAULT_SCORING_MODEL.definition, null, 2),
          ...(kept.errors ? { errors: kept.errors } : {}),
        });
      },
    }),
    route({
      method: 'post',
      path: `${MODELS}/new`,
      access: REFERENCE,
      audit: 'scoring-models.add',
      body: newModelSchema,
      invalid: backTo(() => `${MODELS}/new`),
      handle: async ({ req, res, body }) => {
        const outcome = await commands.addModel(askerOf(res, 'ocgs.unknown'), body);
        await finish(res, outcome, { page: `${MODELS}/new`, values: formValues(req) }, (added) => ({
          page: `${MODELS}/${added.id}`,
          notice: `${body.name} has been added as version ${added.version}`,
        }));
      },
    }),
    route({
      method: 'get',
      path: `${MODELS}/:modelId`,
      access: REFERENCE,
      audit: 'scoring-models.view',
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'modelId');
        const model = id && (await commands.model(id));
        if (!model) return pageNotFound(res);
        res.render(`${VIEWS}/model.njk`, {
          model,
          range: totalRange(model.definition),
          bands: explainScore(model.definition, []).bands,
          created: dateText(model.createdAt),
          json: JSON.stringify(model.definition, null, 2),
          ...(await flash.take(res, `${MODELS}/${id}`)),
        });
      },
    }),
    route({
      method: 'post',
      path: `${MODELS}/:modelId/default`,
      access: REFERENCE,
      audit: 'scoring-models.make-default',
      body: makeDefaultSchema,
      invalid: (req, res, errors) => {
        const id: unknown = req.params.modelId;
        return flash.redirectWithErrors(
          res,
          `${MODELS}/${encodeURIComponent(typeof id === 'string' ? id : '')}`,
          errors,
        );
      },
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'modelId');
        if (!id) return pageNotFound(res);
        const outcome = await commands.makeDefault(askerOf(res, 'ocgs.unknown'), id);
        await finish(res, outcome, { page: `${MODELS}/${id}`, values: {} }, (model) => ({
          page: `${MODELS}/${id}`,
          notice: `${model.name} version ${model.version} is now the default model`,
        }));
      },
    }),

    // One OCG's page.
    route({
      method: 'get',
      path: '/partner/ocgs/:id',
      access: READ,
      audit: 'ocgs.view',
      s62: 'consultation',
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const outcome = await commands.page(askerOf(res, 'ocgs.unknown'), id);
        if (outcome.kind !== 'done') return pageNotFound(res);
        const { ocg, members, sources, assessments, plans, may } = outcome.value;
        const latest = assessments[0];
        const kept = await flash.take(res, ocgPath(id));
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/ocg.njk`, {
          ocg,
          may,
          categoryNames: ocg.categories.map(categoryName),
          statusText: OCG_STATUSES[ocg.status],
          people: members
            .filter((m) => m.role !== 'associated')
            .map((m) => ({ ...m, roleText: MEMBER_ROLES[m.role] })),
          associated: members
            .filter((m) => m.role === 'associated')
            .map((m) => ({ ...m, schemaLabel: ENTITY_SCHEMAS[m.schema].label })),
          sources: sources.map((s) => ({ ...s, added: dateText(s.addedAt) })),
          assessments: assessments.map((a) => ({
            ...a,
            assessed: dateText(a.assessedAt),
            trendText: TREND_TEXT[a.trend],
          })),
          latest: latest && {
            ...latest,
            assessed: dateText(latest.assessedAt),
            why: explainScore(latest.model.definition, latest.scores),
          },
          statusItems: statusOptions(ocg.status),
          plans,
          ...kept,
        });
      },
    }),

    // Adding a member or associate, found by name.
    route({
      method: 'get',
      path: '/partner/ocgs/:id/members/new',
      access: MANAGE,
      audit: 'ocgs.members.add.view',
      s62: 'consultation',
      query: memberSearchSchema,
      handle: async ({ res, params, query }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const kept = await flash.take(res, res.req.path);
        const values = kept.values ?? {};
        const search = query.q || (typeof values.q === 'string' ? values.q.trim() : '') || undefined;
        const outcome = await commands.memberChoices(askerOf(res, 'ocgs.unknown'), id, search);
        if (outcome.kind !== 'done') return pageNotFound(res);
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/member-new.njk`, {
          ocg: outcome.value.ocg,
          search: search ?? '',
          found: outcome.value.found.map((f) => ({
            value: f.id,
            text: f.caption,
            hint: { text: ENTITY_SCHEMAS[f.schema].label },
            checked: values.entity === f.id,
          })),
          roleItems: Object.entries(MEMBER_ROLES).map(([value, text]) => ({
            value,
            text,
            checked: values.role === value,
          })),
          values,
          ...(kept.errors ? { errors: kept.errors } : {}),
        });
      },
    }),
    route({
      method: 'post',
      path: '/partner/ocgs/:id/members/new',
      access: MANAGE,
      audit: 'ocgs.members.add',
      s62: 'collection',
      body: newMemberSchema,
      invalid: backTo((id) => `${ocgPath(id)}/members/new`),
      handle: async ({ req, res, params, body }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const outcome = await commands.addMember(askerOf(res, 'ocgs.unknown'), id, body);
        await finish(
          res,
          outcome,
          { page: `${ocgPath(id)}/members/new`, values: formValues(req) },
          (added) => ({
            page: ocgPath(id),
            notice: `${added.caption} has been added to ${added.ocg.reference}`,
          }),
        );
      },
    }),

    // Attaching an item that supports a statement.
    route({
      method: 'get',
      path: '/partner/ocgs/:id/sources/new',
      access: MANAGE,
      audit: 'ocgs.sources.add.view',
      s62: 'consultation',
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const outcome = await commands.sourceForm(askerOf(res, 'ocgs.unknown'), id);
        if (outcome.kind !== 'done') return pageNotFound(res);
        const kept = await flash.take(res, res.req.path);
        const values = kept.values ?? {};
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/source-new.njk`, {
          ocg: outcome.value.ocg,
          memberItems: [
            { value: '', text: 'The group as a whole' },
            ...outcome.value.members.map((m) => ({
              value: m.memberId,
              text: `${m.caption} (${MEMBER_ROLES[m.role].split(' (')[0]})`,
              selected: values.member === m.memberId,
            })),
          ],
          values,
          ...(kept.errors ? { errors: kept.errors } : {}),
        });
      },
    }),
    route({
      method: 'post',
      path: '/partner/ocgs/:id/sources/new',
      access: MANAGE,
      audit: 'ocgs.sources.add',
      s62: 'alteration',
      body: newSourceSchema,
      invalid: backTo((id) => `${ocgPath(id)}/sources/new`),
      handle: async ({ req, res, params, body }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const outcome = await commands.addSource(askerOf(res, 'ocgs.unknown'), id, body);
        await finish(
          res,
          outcome,
          { page: `${ocgPath(id)}/sources/new`, values: formValues(req) },
          (added) => ({
            page: ocgPath(id),
            notice: `${added.reference} has been added as a supporting item`,
          }),
        );
      },
    }),

    // Assessing (or re-scoring) with a model.
    route({
      method: 'get',
      path: '/partner/ocgs/:id/assess',
      access: MANAGE,
      audit: 'ocgs.assess.view',
      s62: 'consultation',
      query: assessQuerySchema,
      handle: async ({ res, params, query }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const kept = await flash.take(res, res.req.path);
        const values = kept.values ?? {};
        const chosen = query.model ?? (typeof values.model === 'string' ? values.model : undefined);
        const outcome = await commands.assessForm(askerOf(res, 'ocgs.unknown'), id, chosen);
        if (outcome.kind !== 'done') return pageNotFound(res);
        const { ocg, model, models, latest } = outcome.value;
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/assess.njk`, {
          ocg,
          model,
          range: totalRange(model.definition),
          bands: explainScore(model.definition, []).bands,
          modelItems: models.map((m) => ({
            value: m.id,
            text: `${m.name}, version ${m.version}${m.isDefault ? ' (default)' : ''}`,
            selected: m.id === model.id,
          })),
          dimensions: dimensionFields(model.definition, values),
          latest: latest && { ...latest, assessed: dateText(latest.assessedAt) },
          values,
          ...(kept.errors ? { errors: kept.errors } : {}),
        });
      },
    }),
    route({
      method: 'post',
      path: '/partner/ocgs/:id/assess',
      access: MANAGE,
      audit: 'ocgs.assess',
      s62: 'collection',
      body: assessSchema,
      invalid: backTo((id) => `${ocgPath(id)}/assess`),
      handle: async ({ req, res, params, body }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const outcome = await commands.assess(askerOf(res, 'ocgs.unknown'), id, body);
        await finish(res, outcome, { page: `${ocgPath(id)}/assess`, values: formValues(req) }, (scored) => ({
          page: ocgPath(id),
          notice: `${scored.ocg.reference} has been scored ${scored.total}: ${scored.band}`,
        }));
      },
    }),

    // Status: active, dormant or archived (the form is on the OCG's page).
    route({
      method: 'post',
      path: '/partner/ocgs/:id/status',
      access: MANAGE,
      audit: 'ocgs.status',
      s62: 'alteration',
      body: statusSchema,
      invalid: backTo(ocgPath),
      handle: async ({ req, res, params, body }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const outcome = await commands.setStatus(askerOf(res, 'ocgs.unknown'), id, body.status);
        await finish(res, outcome, { page: ocgPath(id), values: formValues(req) }, (changed) => ({
          page: ocgPath(id),
          notice: `${changed.ocg.reference} is now ${OCG_STATUSES[body.status].toLowerCase()}`,
        }));
      },
    }),
  ];
}
