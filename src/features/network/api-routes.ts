/** The network API: the network and its numbers, as the pages compute them, and a job's progress. */
import { askerOf } from '../../web/partner-pages.js';
import { route, type RouteSpec } from '../../web/routes.js';
import { nodeMetrics } from './present.js';
import { apiQuerySchema, asksForNetwork, planOf, requestOf } from './schemas.js';
import type { NetworkResult, NetworkService } from './service.js';
import { READ } from './pages.js';

/** The network as the API answers it: nodes and edges, the summary and metrics, and any disruption. */
function networkJson({ network, analysis, disruption }: NetworkResult) {
  return {
    nodes: network.nodes,
    edges: network.edges,
    ...(network.limit ? { limit: network.limit } : {}),
    ...(network.ocg ? { ocg: network.ocg } : {}),
    summary: analysis && {
      nodes: analysis.nodeCount,
      links: analysis.linkCount,
      pairs: analysis.edgeCount,
      components: analysis.components,
      largestComponent: analysis.largestComponent,
      communities: analysis.communityCount,
      modularity: analysis.modularity,
      betweenness: analysis.betweenness,
    },
    metrics: analysis && nodeMetrics(analysis),
    bridges: analysis?.bridges,
    articulationPoints: analysis?.articulationPoints,
    brokers: analysis?.brokers,
    targets: analysis?.targets,
    ...(disruption ? { disruption } : {}),
  };
}

export function networkApiRoutes(service: NetworkService): RouteSpec[] {
  return [
    // The API: the network and its numbers, as the pages compute them.
    route({
      method: 'get',
      path: '/api/v1/network',
      access: READ,
      audit: 'network.api',
      s62: 'consultation',
      summary:
        'The network you may see around seed entities or an OCG, with its metrics (and a disruption simulation if asked for)',
      query: apiQuerySchema,
      handle: async ({ res, query }) => {
        if (!asksForNetwork(query)) {
          res.locals.s62Action = undefined;
          res.status(400).json({
            error: 'The request is not valid',
            fields: { seed: 'Give at least one seed or an OCG' },
          });
          return;
        }
        const request = requestOf(query);
        const wanted = { analysis: true, ...(query.mode ? { disruption: planOf(query) } : {}) };
        let outcome = await service.view(askerOf(res, 'network.unknown'), request, wanted);
        if (outcome.kind === 'pending') {
          // Off the request thread, so waiting holds up no one; then once more, which audits.
          await service.settle(outcome.jobs, 20_000);
          outcome = await service.view(askerOf(res, 'network.unknown'), request, wanted);
        }
        res.setHeader('Cache-Control', 'no-store');
        if (outcome.kind !== 'done') res.locals.s62Action = undefined;
        if (outcome.kind === 'not-found') return void res.status(404).json({ error: 'Not found' });
        if (outcome.kind === 'refused')
          return void res.status(400).json({ error: 'The request is not valid', fields: outcome.errors });
        if (outcome.kind === 'busy' || outcome.kind === 'failed')
          return void res
            .status(503)
            .json({ error: outcome.kind === 'busy' ? outcome.message : 'The computation failed' });
        if (outcome.kind === 'pending') {
          res.setHeader('Retry-After', '5');
          return void res.status(202).json({
            status: 'running',
            jobs: outcome.jobs.map((job) => ({ id: job.id, progress: job.progress, stage: job.stage })),
          });
        }
        res.json(networkJson(outcome.value));
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/network/jobs/:id',
      access: READ,
      audit: 'network.progress',
      summary: 'How far a network computation of yours has got (names no one)',
      handle: ({ res, params }) => {
        const job = service.progress(askerOf(res, 'network.unknown'), params.id ?? '');
        if (!job) return void res.status(404).json({ error: 'Not found' });
        res.setHeader('Cache-Control', 'no-store');
        res.json({ id: job.id, state: job.state, progress: job.progress, stage: job.stage });
      },
    }),
  ];
}
