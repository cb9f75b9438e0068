/** The harm scoring models: reference data for the coordinator. */
import { route, type RouteSpec } from '../../web/routes.js';
import { makeDefaultSchema, newModelSchema } from './forms.js';
import { DEFAULT_SCORING_MODEL } from './default-scoring-model.js';
import { explainScore, totalRange } from './scoring.js';
import { formFinisher } from '../../web/commands.js';
import { askerOf, formValues, pageNotFound, uuidParam } from '../../web/partner-pages.js';
import { backToFor, dateText, MODELS, REFERENCE, VIEWS, type OcgRouteDependencies } from './pages.js';

/** The list of scoring models and adding one. */
export function scoringModelAddingRoutes({ commands, flash }: OcgRouteDependencies): RouteSpec[] {
  const backTo = backToFor(flash);
  const finish = formFinisher(flash);

  return [
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
  ];
}

/** One scoring model's page and making it the default. */
export function scoringModelRoutes({ commands, flash }: OcgRouteDependencies): RouteSpec[] {
  const finish = formFinisher(flash);

  return [
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
  ];
}
