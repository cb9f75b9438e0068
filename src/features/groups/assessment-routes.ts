/** Assessing (or re-scoring) an OCG with a harm scoring model. */
import { route, type RouteSpec } from '../../web/routes.js';
import { assessQuerySchema, assessSchema } from './forms.js';
import { explainScore, totalRange } from './scoring.js';
import { formFinisher } from '../../web/commands.js';
import { askerOf, formValues, pageNotFound, uuidParam } from '../../web/partner-pages.js';
import {
  backToFor,
  dateText,
  dimensionFields,
  MANAGE,
  ocgPath,
  VIEWS,
  type OcgRouteDependencies,
} from './pages.js';

/** Assessing (or re-scoring) with a model. */
export function ocgAssessmentRoutes({ commands, flash }: OcgRouteDependencies): RouteSpec[] {
  const backTo = backToFor(flash);
  const finish = formFinisher(flash);

  return [
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
  ];
}
