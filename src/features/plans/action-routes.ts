/** One action: "Your actions", the action page, updating it (with the disruption impact) and peer review. */
import { route, type RouteSpec } from '../../web/routes.js';
import { askerOf, formValues, pageNotFound, uuidParam } from '../../web/partner-pages.js';
import { STRAND_NAMES } from './suggestions.js';
import { ACTION_STATUSES, IMPACT_RATINGS } from './queries.js';
import { reviewSchema, updateActionSchema } from './schemas.js';
import {
  actionPath,
  formHelpers,
  options,
  plansPath,
  READ,
  VIEWS,
  type PlanRouteDependencies,
} from './pages.js';

/** "Your actions" and one action's page (fixed paths, so collected before the plan's own). */
export function yourActionRoutes({ plans, flash }: PlanRouteDependencies): RouteSpec[] {
  return [
    // Fixed paths before the plan's own (/partner/plans/:planId).
    route({
      method: 'get',
      path: `${plansPath}/actions`,
      access: READ,
      audit: 'plans.actions.yours',
      s62: 'consultation',
      handle: async ({ res }) => {
        const outcome = await plans.yours(askerOf(res, 'plans.unknown'));
        if (outcome.kind !== 'done') return pageNotFound(res);
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/your-actions.njk`, {
          actions: outcome.value,
          overdue: outcome.value.filter((a) => a.overdue).length,
          statuses: ACTION_STATUSES,
          strands: STRAND_NAMES,
        });
      },
    }),
    route({
      method: 'get',
      path: `${plansPath}/actions/:actionId`,
      access: READ,
      audit: 'plans.action.view',
      s62: 'consultation',
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'actionId');
        if (!id) return pageNotFound(res);
        const outcome = await plans.action(askerOf(res, 'plans.unknown'), id);
        if (outcome.kind !== 'done') return pageNotFound(res);
        const kept = await flash.take(res, actionPath(id));
        const { action } = outcome.value;
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/action.njk`, {
          ...outcome.value,
          page: actionPath(id),
          statuses: ACTION_STATUSES,
          statusOptions: options(ACTION_STATUSES),
          ratingOptions: options(IMPACT_RATINGS),
          ratings: IMPACT_RATINGS,
          strands: STRAND_NAMES,
          values: kept.values ?? { status: action.status, outcome: action.outcome ?? '' },
          ...(kept.errors ? { errors: kept.errors } : {}),
          ...(kept.notice ? { notice: kept.notice } : {}),
        });
      },
    }),
  ];
}

/** Updating an action (and its impact when completed) and its peer review. */
export function actionUpdateRoutes({ plans, flash }: PlanRouteDependencies): RouteSpec[] {
  const { backTo, param, finish } = formHelpers(flash);
  return [
    route({
      method: 'post',
      path: `${plansPath}/actions/:actionId`,
      access: READ,
      audit: 'plans.action.update',
      s62: 'alteration',
      body: updateActionSchema,
      invalid: backTo((req) => actionPath(param(req, 'actionId'))),
      handle: async ({ req, res, params, body }) => {
        const id = uuidParam(params, 'actionId');
        if (!id) return pageNotFound(res);
        const outcome = await plans.update(askerOf(res, 'plans.unknown'), id, body);
        await finish(res, outcome, { page: actionPath(id), values: formValues(req) }, () => ({
          page: actionPath(id),
          notice:
            body.status === 'completed'
              ? 'The action is completed and its impact recorded'
              : 'The action has been updated',
        }));
      },
    }),
    route({
      method: 'post',
      path: `${plansPath}/actions/:actionId/review`,
      access: READ,
      audit: 'plans.impact.review',
      s62: 'alteration',
      body: reviewSchema,
      invalid: backTo((req) => actionPath(param(req, 'actionId'))),
      handle: async ({ req, res, params, body }) => {
        const id = uuidParam(params, 'actionId');
        if (!id) return pageNotFound(res);
        const outcome = await plans.review(askerOf(res, 'plans.unknown'), id, body.note);
        await finish(res, outcome, { page: actionPath(id), values: formValues(req) }, () => ({
          page: actionPath(id),
          notice: 'Your peer review has been recorded',
        }));
      },
    }),
  ];
}
