/** The plans themselves: the list, a new plan, the plan page, adding an action and closing the plan. */
import { route, type RouteSpec } from '../../web/routes.js';
import { principalMayAct } from '../access/principal.js';
import { askerOf, formValues, pageNotFound, uuidParam } from '../../web/partner-pages.js';
import { categoryName, STRAND_NAMES, STRANDS } from './suggestions.js';
import {
  ACTION_STATUSES,
  IMPACT_RATINGS,
  REFERRAL_ROUTES,
  REFERRAL_STATUSES,
  VICTIM_KINDS,
} from './queries.js';
import {
  actionQuerySchema,
  closePlanSchema,
  newActionSchema,
  newPlanQuerySchema,
  newPlanSchema,
} from './schemas.js';
import {
  byStrand,
  formHelpers,
  MANAGE,
  planPath,
  plansPath,
  READ,
  strandOptions,
  VIEWS,
  type PlanRouteDependencies,
} from './pages.js';

/** The list of plans and starting a new one. */
export function planListRoutes({ plans, flash }: PlanRouteDependencies): RouteSpec[] {
  const { backTo, finish } = formHelpers(flash);
  return [
    route({
      method: 'get',
      path: plansPath,
      access: READ,
      audit: 'plans.list',
      s62: 'consultation',
      handle: async ({ res }) => {
        const outcome = await plans.list(askerOf(res, 'plans.unknown'));
        if (outcome.kind !== 'done') return pageNotFound(res);
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/plans.njk`, {
          plans: outcome.value,
          mayCreate: principalMayAct(res.locals.principal, 'create', 'plan'),
          ...(await flash.take(res, plansPath)),
        });
      },
    }),
    route({
      method: 'get',
      path: `${plansPath}/new`,
      access: MANAGE,
      audit: 'plans.new.view',
      s62: 'consultation',
      query: newPlanQuerySchema,
      handle: async ({ res, query }) => {
        const kept = await flash.take(res, `${plansPath}/new`);
        const values = kept.values ?? {};
        const search = query.q || (typeof values.q === 'string' ? values.q.trim() : '') || undefined;
        const outcome = await plans.choices(askerOf(res, 'plans.unknown'), search);
        if (outcome.kind !== 'done') return pageNotFound(res);
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/new-plan.njk`, {
          ...outcome.value,
          search: search ?? '',
          strandOptions,
          values: {
            about: search ? 'entity' : 'ocg',
            owner: outcome.value.ownerEmail,
            classification: 'OFFICIAL-SENSITIVE',
            handling: 'P',
            ...values,
          },
          ...(kept.errors ? { errors: kept.errors } : {}),
        });
      },
    }),
    route({
      method: 'post',
      path: `${plansPath}/new`,
      access: MANAGE,
      audit: 'plans.create',
      s62: 'collection',
      body: newPlanSchema,
      invalid: backTo(() => `${plansPath}/new`),
      handle: async ({ req, res, body }) => {
        const outcome = await plans.create(askerOf(res, 'plans.unknown'), body);
        await finish(res, outcome, { page: `${plansPath}/new`, values: formValues(req) }, (plan) => ({
          page: planPath(plan.id),
          notice: `${plan.reference} has been created`,
        }));
      },
    }),
  ];
}

/** The plan page: objectives, actions by strand, overdue actions, referrals and suggested tactics. */
export function planPageRoutes({ plans, flash }: PlanRouteDependencies): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: `${plansPath}/:planId`,
      access: READ,
      audit: 'plans.view',
      s62: 'consultation',
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'planId');
        if (!id) return pageNotFound(res);
        const outcome = await plans.page(askerOf(res, 'plans.unknown'), id);
        if (outcome.kind !== 'done') return pageNotFound(res);
        const page = outcome.value;
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/plan.njk`, {
          ...page,
          page: planPath(id),
          strands: byStrand(page.actions),
          objectivesByStrand: STRANDS.map((strand) => ({
            name: STRAND_NAMES[strand],
            objectives: page.objectives.filter((o) => o.strand === strand),
          })),
          overdue: page.actions.filter((a) => a.overdue),
          statuses: ACTION_STATUSES,
          ratings: IMPACT_RATINGS,
          strandNames: STRAND_NAMES,
          kinds: VICTIM_KINDS,
          routes: REFERRAL_ROUTES,
          referralStatuses: REFERRAL_STATUSES,
          categoryName,
          ...(await flash.take(res, planPath(id))),
        });
      },
    }),
  ];
}

/** Adding an action to a plan, and closing the plan. */
export function planActionRoutes({ plans, flash }: PlanRouteDependencies): RouteSpec[] {
  const { backTo, param, finish } = formHelpers(flash);
  return [
    route({
      method: 'get',
      path: `${plansPath}/:planId/actions/new`,
      access: MANAGE,
      audit: 'plans.action.new',
      s62: 'consultation',
      query: actionQuerySchema,
      handle: async ({ res, params, query }) => {
        const id = uuidParam(params, 'planId');
        if (!id) return pageNotFound(res);
        const outcome = await plans.actionForm(askerOf(res, 'plans.unknown'), id);
        if (outcome.kind !== 'done') return pageNotFound(res);
        const kept = await flash.take(res, `${planPath(id)}/actions/new`);
        const tactic = outcome.value.tactics.find((t) => t.id === query.tactic?.toLowerCase());
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/action-new.njk`, {
          ...outcome.value,
          page: planPath(id),
          strandOptions,
          strandNames: STRAND_NAMES,
          values: kept.values ?? {
            tactic: tactic?.id ?? '',
            strand: tactic?.strand ?? '',
            description: tactic ? tactic.name : '',
            target: outcome.value.targets.some((t) => t.id === query.target?.toLowerCase())
              ? query.target?.toLowerCase()
              : '',
          },
          ...(kept.errors ? { errors: kept.errors } : {}),
        });
      },
    }),
    route({
      method: 'post',
      path: `${plansPath}/:planId/actions/new`,
      access: MANAGE,
      audit: 'plans.action.create',
      s62: 'collection',
      body: newActionSchema,
      invalid: backTo((req) => `${planPath(param(req, 'planId'))}/actions/new`),
      handle: async ({ req, res, params, body }) => {
        const id = uuidParam(params, 'planId');
        if (!id) return pageNotFound(res);
        const outcome = await plans.addAction(askerOf(res, 'plans.unknown'), id, body);
        await finish(res, outcome, { page: `${planPath(id)}/actions/new`, values: formValues(req) }, () => ({
          page: planPath(id),
          notice: 'The action has been added to the plan',
        }));
      },
    }),
    route({
      method: 'post',
      path: `${plansPath}/:planId/close`,
      access: MANAGE,
      audit: 'plans.close',
      s62: 'alteration',
      body: closePlanSchema,
      invalid: backTo((req) => planPath(param(req, 'planId'))),
      handle: async ({ req, res, params }) => {
        const id = uuidParam(params, 'planId');
        if (!id) return pageNotFound(res);
        const outcome = await plans.closePlan(askerOf(res, 'plans.unknown'), id);
        await finish(res, outcome, { page: planPath(id), values: formValues(req) }, () => ({
          page: planPath(id),
          notice: 'The plan has been closed',
        }));
      },
    }),
  ];
}
