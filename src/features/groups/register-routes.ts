/** The OCG register: the prioritised list, opening an OCG, its page and its status. */
import { route, type RouteSpec } from '../../web/routes.js';
import { ENTITY_SCHEMAS } from '../intelligence/index.js';
import { categoryName, categoryOptions, listFilterSchema, newOcgSchema, statusSchema } from './forms.js';
import { agencyOptions, MEMBER_ROLES, OCG_STATUSES } from './queries.js';
import { bandRank, explainScore, TREND_TEXT } from './scoring.js';
import { formFinisher } from '../../web/commands.js';
import { principalMayAct } from '../access/principal.js';
import { askerOf, formValues, pageNotFound, uuidParam } from '../../web/partner-pages.js';
import {
  backToFor,
  dateText,
  MANAGE,
  ocgPath,
  READ,
  statusOptions,
  VIEWS,
  type OcgRouteDependencies,
} from './pages.js';

/** The prioritised list, filtered by category, area and status. */
export function ocgListRoutes({ commands, flash }: OcgRouteDependencies): RouteSpec[] {
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
  ];
}

/** Opening an OCG. */
export function ocgOpeningRoutes({ commands, flash, database }: OcgRouteDependencies): RouteSpec[] {
  const backTo = backToFor(flash);
  const finish = formFinisher(flash);

  return [
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
  ];
}

/** One OCG's page. */
export function ocgPageRoutes({ commands, flash }: OcgRouteDependencies): RouteSpec[] {
  return [
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
  ];
}

/** Status: active, dormant or archived (the form is on the OCG's page). */
export function ocgStatusRoutes({ commands, flash }: OcgRouteDependencies): RouteSpec[] {
  const backTo = backToFor(flash);
  const finish = formFinisher(flash);

  return [
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
