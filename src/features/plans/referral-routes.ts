/** Safeguarding referrals (victims:read): one referral's page and update, and a new referral on a plan. */
import { route, type RouteSpec } from '../../web/routes.js';
import { askerOf, formValues, pageNotFound, uuidParam } from '../../web/partner-pages.js';
import { REFERRAL_ROUTES, REFERRAL_STATUSES, VICTIM_KINDS } from './queries.js';
import { newReferralSchema, referralQuerySchema, updateReferralSchema } from './schemas.js';
import {
  formHelpers,
  options,
  planPath,
  plansPath,
  referralPath,
  VICTIMS,
  VIEWS,
  type PlanRouteDependencies,
} from './pages.js';

/** One referral's page and its update (fixed paths, so collected before the plan's own). */
export function referralRoutes({ plans, flash }: PlanRouteDependencies): RouteSpec[] {
  const { backTo, param, finish } = formHelpers(flash);
  return [
    route({
      method: 'get',
      path: `${plansPath}/referrals/:referralId`,
      access: VICTIMS,
      audit: 'plans.referral.view',
      s62: 'consultation',
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'referralId');
        if (!id) return pageNotFound(res);
        const outcome = await plans.referral(askerOf(res, 'plans.unknown'), id);
        if (outcome.kind !== 'done') return pageNotFound(res);
        const kept = await flash.take(res, referralPath(id));
        const { referral } = outcome.value;
        const [year = '', month = '', day = ''] = (referral.referred_on ?? '').split('-');
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/referral.njk`, {
          ...outcome.value,
          page: referralPath(id),
          kinds: VICTIM_KINDS,
          routes: REFERRAL_ROUTES,
          statuses: REFERRAL_STATUSES,
          statusOptions: options(REFERRAL_STATUSES),
          values: kept.values ?? {
            status: referral.status,
            outcome: referral.outcome ?? '',
            'referredOn-day': day.replace(/^0/, ''),
            'referredOn-month': month.replace(/^0/, ''),
            'referredOn-year': year,
          },
          ...(kept.errors ? { errors: kept.errors } : {}),
          ...(kept.notice ? { notice: kept.notice } : {}),
        });
      },
    }),
    route({
      method: 'post',
      path: `${plansPath}/referrals/:referralId`,
      access: VICTIMS,
      audit: 'plans.referral.update',
      s62: 'alteration',
      body: updateReferralSchema,
      invalid: backTo((req) => referralPath(param(req, 'referralId'))),
      handle: async ({ req, res, params, body }) => {
        const id = uuidParam(params, 'referralId');
        if (!id) return pageNotFound(res);
        const outcome = await plans.updateReferral(askerOf(res, 'plans.unknown'), id, body);
        await finish(res, outcome, { page: referralPath(id), values: formValues(req) }, () => ({
          page: referralPath(id),
          notice: 'The referral has been updated',
        }));
      },
    }),
  ];
}

/** Recording a new safeguarding referral on a plan. */
export function newReferralRoutes({ plans, flash }: PlanRouteDependencies): RouteSpec[] {
  const { backTo, param, finish } = formHelpers(flash);
  return [
    route({
      method: 'get',
      path: `${plansPath}/:planId/referrals/new`,
      access: VICTIMS,
      audit: 'plans.referral.new',
      s62: 'consultation',
      query: referralQuerySchema,
      handle: async ({ res, params, query }) => {
        const id = uuidParam(params, 'planId');
        if (!id) return pageNotFound(res);
        const outcome = await plans.referralForm(askerOf(res, 'plans.unknown'), id);
        if (outcome.kind !== 'done') return pageNotFound(res);
        const kept = await flash.take(res, `${planPath(id)}/referrals/new`);
        const victim = query.victim?.toLowerCase() ?? '';
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/referral-new.njk`, {
          ...outcome.value,
          page: planPath(id),
          kindOptions: options(VICTIM_KINDS),
          routeOptions: options(REFERRAL_ROUTES),
          values: kept.values ?? { victim },
          ...(kept.errors ? { errors: kept.errors } : {}),
        });
      },
    }),
    route({
      method: 'post',
      path: `${plansPath}/:planId/referrals/new`,
      access: VICTIMS,
      audit: 'plans.referral.create',
      s62: 'collection',
      body: newReferralSchema,
      invalid: backTo((req) => `${planPath(param(req, 'planId'))}/referrals/new`),
      handle: async ({ req, res, params, body }) => {
        const id = uuidParam(params, 'planId');
        if (!id) return pageNotFound(res);
        const outcome = await plans.addReferral(askerOf(res, 'plans.unknown'), id, body);
        await finish(
          res,
          outcome,
          { page: `${planPath(id)}/referrals/new`, values: formValues(req) },
          () => ({
            page: planPath(id),
            notice: 'The safeguarding referral has been recorded',
          }),
        );
      },
    }),
  ];
}
