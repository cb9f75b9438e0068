/** The plan's CSV export: the page that asks for the acknowledgement, and the file itself. */
import { route, type RouteSpec } from '../../web/routes.js';
import { formErrors } from '../../web/validation.js';
import { principalMayAct } from '../access/principal.js';
import { askerOf, pageNotFound, uuidParam } from '../../web/partner-pages.js';
import { exportQuerySchema } from './schemas.js';
import { EXPORT, planPath, plansPath, VIEWS, type PlanRouteDependencies } from './pages.js';

/** The export page and the CSV file (refused without the acknowledgement). */
export function planExportRoutes({ plans, flash }: PlanRouteDependencies): RouteSpec[] {
  return [
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
