/**
 * 4P plans in the partner workspace (nav "Plans"): the list, a new plan, the plan page with its
 * objectives, actions and suggested tactics, adding and updating actions (with the disruption
 * impact), peer review, "Your actions", safeguarding referrals (victims:read) and the CSV export.
 * Routes are thin: the commands (service.ts) check access and write the one audit entry.
 */
import type { Request, Response } from 'express';
import { route, type RouteSpec } from '../../web/routes.js';
import { formErrors, type FormErrors } from '../../web/validation.js';
import type { FormFlash } from '../access/form-flash.js';
import { categoryName, STRAND_NAMES, STRANDS } from './suggestions.js';
import {
  ACTION_STATUSES,
  IMPACT_RATINGS,
  REFERRAL_ROUTES,
  REFERRAL_STATUSES,
  VICTIM_KINDS,
} from './queries.js';
import type { ActionRow } from './action-queries.js';
import {
  actionQuerySchema,
  closePlanSchema,
  exportQuerySchema,
  newActionSchema,
  newPlanQuerySchema,
  newPlanSchema,
  newReferralSchema,
  referralQuerySchema,
  reviewSchema,
  updateActionSchema,
  updateReferralSchema,
} from './schemas.js';
import type { PlanCommands } from './service.js';
import { formFinisher } from '../../web/commands.js';
import { principalMayAct } from '../access/principal.js';
import { askerOf, formValues, pageNotFound, uuidParam } from '../../web/partner-pages.js';

const READ = { permission: 'intelligence:read' } as const;
const MANAGE = { permission: 'ocg:manage' } as const;
const VICTIMS = { permission: 'victims:read' } as const;
const EXPORT = { permission: 'intelligence:export' } as const;
const VIEWS = 'plans/views';

const plansPath = '/partner/plans';
const planPath = (id: string) => `${plansPath}/${id}`;
const actionPath = (id: string) => `${plansPath}/actions/${id}`;
const referralPath = (id: string) => `${plansPath}/referrals/${id}`;

const options = (table: Record<string, string>) =>
  Object.entries(table).map(([value, text]) => ({ value, text }));
const strandOptions = STRANDS.map((value) => ({ value, text: STRAND_NAMES[value] }));

/** Actions grouped under the 4Ps, in strand order, for the tables on the plan page. */
function byStrand(actions: ActionRow[]) {
  return STRANDS.map((strand) => ({
    strand,
    name: STRAND_NAMES[strand],
    actions: actions.filter((a) => a.strand === strand),
  }));
}

export function planRoutes({ plans, flash }: { plans: PlanCommands; flash: FormFlash }): RouteSpec[] {
  /** Back to a form with its errors and answers (the path is rebuilt from the checked id). */
  const backTo =
    (page: (req: Request) => string) =>
    (req: Request, res: Response, errors: FormErrors): Promise<void> =>
      flash.redirectWithErrors(res, page(req), errors, formValues(req));
  const param = (req: Request, name: string) => uuidParam(req.params, name) ?? 'unknown';

  const finish = formFinisher(flash);

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
    route({
      method: 'get',
      path: `${plansPath}/:planId/export`,
      access: EXPORT,
      audit: 'plans.export.view',
      s62: 'consultation',
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'planId');
        if (!id) return pageNotFound(res);
        const outcome = await plans.exportPage(askerOf(res, 'plans.unknown'), id);
        if (outcome.kind !== 'done') return pageNotFound(res);
        const kept = await flash.take(res, `${planPath(id)}/export`);
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/export.njk`, {
          ...outcome.value,
          includesReferrals: principalMayAct(res.locals.principal, 'export', 'safeguarding-referral'),
          page: planPath(id),
          values: kept.values ?? {},
          ...(kept.errors ? { errors: kept.errors } : {}),
        });
      },
    }),
    route({
      method: 'get',
      path: `${plansPath}/:planId/export.csv`,
      access: EXPORT,
      audit: 'plans.export',
      s62: 'disclosure',
      query: exportQuerySchema,
      handle: async ({ res, params, query }) => {
        const id = uuidParam(params, 'planId');
        if (!id) return pageNotFound(res);
        const outcome = await plans.exportCsv(askerOf(res, 'plans.unknown'), id, query.acknowledge === 'yes');
        if (outcome.kind === 'not-found') return pageNotFound(res);
        if (outcome.kind === 'refused')
          return flash.redirectWithErrors(res, `${planPath(id)}/export`, formErrors(outcome.errors));
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="${outcome.value.filename}"`);
        res.send(outcome.value.csv);
      },
    }),
  ];
}
