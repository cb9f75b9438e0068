/**
 * Network analysis pages and API (issue 7). GET forms throughout, so a network can be bookmarked,
 * shared with a colleague (who gets THEIR network from the same address) and used without
 * JavaScript. Routes are thin: the service builds the viewer's network, computes or looks up the
 * results and writes the one s62 consultation; these turn outcomes into pages.
 *
 * While a large computation runs, the page says how far it has got and refreshes itself
 * (`<meta http-equiv="refresh">`); nothing personal is on it, so it is not audited.
 */
import type { Request, Response } from 'express';
import { route, type RouteSpec } from '../../web/routes.js';
import type { FormErrors } from '../../web/validation.js';
import { formErrors } from '../../web/validation.js';
import { LINK_TYPES } from '../intelligence/schema.js';
import { toAnx, toGexf, toGraphML, toViewData, viewDataJson } from './exports/index.js';
import { DISRUPTION_METRICS } from './metrics/disruption.js';
import { nodeMetrics, presentAnalysis, presentDisruption, schemaLabel, TACTICS_PATH } from './present.js';
import {
  apiQuerySchema,
  asksForNetwork,
  disruptionQuerySchema,
  exportQuerySchema,
  networkQuerySchema,
  networkSearch,
  pathQuerySchema,
  planOf,
  requestOf,
  SIZE_METRICS,
} from './schemas.js';
import type { ExportFormat, NetworkOutcome, NetworkService } from './service.js';
import { askerOf, pageNotFound } from '../../web/partner-pages.js';
import { principalMayAct } from '../access/principal.js';

export const NETWORK_PATH = '/partner/network';
const VIEWS = 'network/views';
const READ = { permission: 'intelligence:read' } as const;
const EXPORT = { permission: 'intelligence:export' } as const;

/** Whether to offer the exports: the policy's rule for exporting the entities a network shows. */
function mayExport(res: Response): boolean {
  return principalMayAct(res.locals.principal, 'export', 'entity');
}
const REFRESH_SECONDS = 2;

const METRIC_LABELS: Record<(typeof DISRUPTION_METRICS)[number], string> = {
  betweenness: 'Betweenness (brokers first)',
  degree: 'Degree (most links first)',
  closeness: 'Closeness',
  eigenvector: 'Eigenvector',
  pagerank: 'PageRank',
  coreNumber: 'Core number',
};

const SIZE_LABELS: Record<(typeof SIZE_METRICS)[number], string> = {
  betweenness: 'Betweenness (brokers largest)',
  degree: 'Degree (most links largest)',
  closeness: 'Closeness',
  eigenvector: 'Eigenvector',
  pagerank: 'PageRank',
  coreNumber: 'Core number',
};

/** The files the network exports to: each an s62 disclosure (intelligence:export). */
const EXPORTS: Record<
  ExportFormat,
  { path: string; type: string; file: string; write: typeof toGraphML; label: string }
> = {
  graphml: {
    path: `/partner/network/export.graphml`,
    type: 'application/graphml+xml',
    file: 'network.graphml',
    write: toGraphML,
    label: 'GraphML',
  },
  gexf: {
    path: `/partner/network/export.gexf`,
    type: 'application/gexf+xml',
    file: 'network.gexf',
    write: toGexf,
    label: 'GEXF (Gephi)',
  },
  anx: {
    path: `/partner/network/export.xml`,
    type: 'application/xml',
    file: 'network-i2.xml',
    write: toAnx,
    label: 'i2 Analyst’s Notebook (ANX XML)',
  },
};

/** The form's choices, with the answers given. */
function formModel(values: Record<string, unknown>) {
  const chosen = (name: string): string[] => {
    const value = values[name];
    return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  };
  const seeds = [...chosen('seed'), ...chosen('seeds')].join('\n');
  const selected = (name: string, value: string) => chosen(name).includes(value);
  const select = (name: string, options: [string, string][], blank: string) => [
    { value: '', text: blank, selected: !chosen(name).length },
    ...options.map(([value, text]) => ({ value, text, selected: selected(name, value) })),
  ];
  return {
    values: { ...values, seeds, hops: typeof values.hops === 'string' ? values.hops : '2' },
    ocg: typeof values.ocg === 'string' ? values.ocg : '',
    linkTypeItems: Object.entries(LINK_TYPES).map(([value, spec]) => ({
      value,
      text: spec.label,
      checked: selected('linkType', value),
    })),
    confidenceItems: select(
      'minConfidence',
      [
        ['low', 'Low'],
        ['medium', 'Medium'],
        ['high', 'High'],
      ],
      'Any',
    ),
    sourceItems: select(
      'minSource',
      [
        ['1', '1: reliable'],
        ['2', '2 or better'],
        ['3', '3 or better'],
      ],
      'Any, or not graded',
    ),
    informationItems: select(
      'minInformation',
      ['A', 'B', 'C', 'D', 'E'].map((grade): [string, string] => [
        grade,
        grade === 'A' ? 'A' : `${grade} or better`,
      ]),
      'Any, or not graded',
    ),
  };
}

export function networkRoutes(service: NetworkService): RouteSpec[] {
  function showForm(req: Request, res: Response, errors?: FormErrors, message?: string) {
    res.locals.s62Action = undefined;
    res.setHeader('Cache-Control', 'no-store');
    res.render(`${VIEWS}/network.njk`, {
      ...formModel(req.query),
      ...(errors ? { errors } : {}),
      ...(message ? { message } : {}),
    });
  }

  /** The outcomes every page treats the same; true when the page has been answered. */
  function answered(req: Request, res: Response, outcome: NetworkOutcome): boolean {
    if (outcome.kind === 'not-found') {
      pageNotFound(res);
      return true;
    }
    if (outcome.kind === 'refused') {
      res.status(400);
      showForm(req, res, formErrors(outcome.errors));
      return true;
    }
    if (outcome.kind === 'busy' || outcome.kind === 'failed') {
      res.status(503);
      showForm(
        req,
        res,
        undefined,
        outcome.kind === 'busy'
          ? outcome.message
          : 'The computation failed: try again, or narrow the network',
      );
      return true;
    }
    if (outcome.kind === 'pending') {
      res.locals.s62Action = undefined; // nothing shown yet
      res.setHeader('Cache-Control', 'no-store');
      const progress = Math.min(...outcome.jobs.map((job) => job.progress));
      res.render(`${VIEWS}/progress.njk`, {
        refreshSeconds: REFRESH_SECONDS,
        percent: Math.floor(progress * 100),
        stage: outcome.jobs.map((job) => job.stage).join('; '),
        jobIds: outcome.jobs.map((job) => job.id).join(' '),
      });
      return true;
    }
    return false;
  }

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

    // Exports of the visible network: files, so each is a disclosure to the person downloading.
    ...(Object.entries(EXPORTS) as [ExportFormat, (typeof EXPORTS)[ExportFormat]][]).map(([format, spec]) =>
      route({
        method: 'get',
        path: spec.path,
        access: EXPORT,
        audit: `network.export-${format}`,
        s62: 'disclosure',
        query: exportQuerySchema,
        invalid: (req, res, errors) => showForm(req, res, errors),
        handle: async ({ req, res, query }) => {
          if (!asksForNetwork(query)) return showForm(req, res);
          const request = requestOf(query);
          const outcome = await service.exportNetwork(
            askerOf(res, 'network.unknown'),
            request,
            format,
            query.acknowledge === 'yes',
          );
          if (outcome.kind === 'not-found') return pageNotFound(res);
          res.setHeader('Cache-Control', 'no-store');
          if (outcome.kind === 'conditions') {
            // Nothing leaves yet: the conditions, and the same address with acknowledge=yes.
            res.locals.s62Action = undefined;
            const search = networkSearch(request);
            const unticked = query.conditionsShown === 'yes';
            if (unticked) res.status(400);
            return res.render(`${VIEWS}/export-conditions.njk`, {
              ...(unticked
                ? { errors: formErrors({ acknowledge: 'Select that you have read the conditions' }) }
                : {}),
              conditions: outcome.conditions,
              action: spec.path,
              label: spec.label,
              back: `${NETWORK_PATH}?${search}`,
              hiddenFields: [...new URLSearchParams(search)].map(([name, value]) => ({ name, value })),
            });
          }
          const metrics = outcome.analysis ? nodeMetrics(outcome.analysis) : undefined;
          res.type(spec.type);
          res.setHeader('Content-Disposition', `attachment; filename="${spec.file}"`);
          res.send(spec.write(outcome.network, metrics));
        },
      }),
    ),

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
        const { network, analysis, disruption } = outcome.value;
        res.json({
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
        });
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
