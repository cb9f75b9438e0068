/**
 * The network pages: the network with its analysis, a disruption simulation, and the shortest
 * path between two people or things. GET forms throughout, so a network can be bookmarked, shared
 * with a colleague (who gets THEIR network from the same address) and used without JavaScript.
 */
import { askerOf } from '../../web/partner-pages.js';
import { route, type RouteSpec } from '../../web/routes.js';
import { formErrors } from '../../web/validation.js';
import { toViewData, viewDataJson } from './exports/index.js';
import { DISRUPTION_METRICS } from './metrics/disruption.js';
import { EXPORTS, mayExport } from './export-routes.js';
import { formModel, METRIC_LABELS, SIZE_LABELS } from './form-model.js';
import { answered, NETWORK_PATH, READ, showForm, VIEWS } from './pages.js';
import { nodeMetrics, presentAnalysis, presentDisruption, schemaLabel, TACTICS_PATH } from './present.js';
import {
  asksForNetwork,
  disruptionQuerySchema,
  networkQuerySchema,
  networkSearch,
  pathQuerySchema,
  planOf,
  requestOf,
  SIZE_METRICS,
} from './schemas.js';
import type { NetworkService } from './service.js';

/** The network around the seeds or OCG asked for, with its analysis. */
export function networkViewRoutes(service: NetworkService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: NETWORK_PATH,
      access: READ,
      audit: 'network.view',
      s62: 'consultation',
      query: networkQuerySchema,
      invalid: (req, res, errors) => showForm(req, res, errors),
      handle: async ({ req, res, query }) => {
        if (!asksForNetwork(query)) return showForm(req, res);
        const request = requestOf(query);
        const outcome = await service.view(askerOf(res, 'network.unknown'), request, { analysis: true });
        if (answered(req, res, outcome) || outcome.kind !== 'done') return;
        const { network, analysis, principals } = outcome.value;
        if (!analysis) throw new Error('The analysis was asked for');
        const search = networkSearch(request);
        const sizeBy = query.sizeBy ?? 'betweenness';
        const result = presentAnalysis(network, analysis, principals);
        const removable = [...new Map([...result.brokers, ...result.targets].map((n) => [n.id, n])).values()];
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/network.njk`, {
          ...formModel(req.query),
          result,
          hiddenFields: [...new URLSearchParams(search)].map(([name, value]) => ({ name, value })),
          removeItems: removable.slice(0, 20).map((n) => ({ value: n.id, text: n.caption })),
          network,
          search,
          limit: network.limit,
          ocg: network.ocg,
          pictureData: viewDataJson(toViewData(network, nodeMetrics(analysis), sizeBy)),
          sizeItems: SIZE_METRICS.map((value) => ({
            value,
            text: SIZE_LABELS[value],
            selected: value === sizeBy,
          })),
          exportLinks: mayExport(res)
            ? Object.values(EXPORTS).map((e) => ({ href: `${e.path}?${search}`, text: e.label }))
            : [],
          tacticsPath: TACTICS_PATH,
          metricItems: DISRUPTION_METRICS.map((value) => ({ value, text: METRIC_LABELS[value] })),
          nodeChoices: network.nodes
            .map((n) => ({ value: n.id, text: `${n.caption} (${schemaLabel(n.schema)})` }))
            .sort((a, b) => a.text.localeCompare(b.text)),
        });
      },
    }),
  ];
}

/** What would happen if some were removed: the disruption simulation. */
export function networkDisruptionRoutes(service: NetworkService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: `${NETWORK_PATH}/disruption`,
      access: READ,
      audit: 'network.disruption',
      s62: 'consultation',
      query: disruptionQuerySchema,
      invalid: (req, res, errors) => showForm(req, res, errors),
      handle: async ({ req, res, query }) => {
        if (!asksForNetwork(query)) return showForm(req, res);
        const request = requestOf(query);
        const plan = planOf(query);
        const outcome = await service.view(askerOf(res, 'network.unknown'), request, { disruption: plan });
        if (answered(req, res, outcome) || outcome.kind !== 'done') return;
        const { network, disruption } = outcome.value;
        if (!disruption) throw new Error('The disruption was asked for');
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/disruption.njk`, {
          plan,
          metricLabel: plan.mode === 'chosen' ? 'Chosen' : METRIC_LABELS[plan.metric],
          search: networkSearch(request),
          nodes: network.nodes.length,
          result: presentDisruption(network, disruption),
        });
      },
    }),
  ];
}

/** The shortest path between two people or things in the network. */
export function networkPathRoutes(service: NetworkService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: `${NETWORK_PATH}/path`,
      access: READ,
      audit: 'network.path',
      s62: 'consultation',
      query: pathQuerySchema,
      invalid: (req, res, errors) => showForm(req, res, errors),
      handle: async ({ req, res, query }) => {
        if (!asksForNetwork(query)) return showForm(req, res);
        if (!query.pathFrom || !query.pathTo) {
          res.status(400);
          return showForm(
            req,
            res,
            formErrors({
              ...(query.pathFrom ? {} : { pathFrom: 'Select where the path starts' }),
              ...(query.pathTo ? {} : { pathTo: 'Select where the path ends' }),
            }),
          );
        }
        const request = requestOf(query);
        const ends = { from: query.pathFrom.toLowerCase(), to: query.pathTo.toLowerCase() };
        const outcome = await service.view(askerOf(res, 'network.unknown'), request, { path: ends });
        if (answered(req, res, outcome) || outcome.kind !== 'done') return;
        const { network, path } = outcome.value;
        const captions = new Map(network.nodes.map((n) => [n.id, n]));
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/path.njk`, {
          search: networkSearch(request),
          from: captions.get(ends.from),
          to: captions.get(ends.to),
          path: path && {
            distance: path.distance,
            count: path.count,
            steps: path.path.map((id) => ({
              id,
              caption: captions.get(id)?.caption ?? id,
              schema: schemaLabel(captions.get(id)?.schema ?? ''),
            })),
          },
        });
      },
    }),
  ];
}
