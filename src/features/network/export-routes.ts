/**
 * Exports of the visible network: files, so each is an s62 disclosure to the person downloading
 * (intelligence:export). Handling code C records ask for their conditions to be acknowledged first.
 */
import type { Response } from 'express';
import { askerOf, pageNotFound } from '../../web/partner-pages.js';
import { route, type RouteSpec } from '../../web/routes.js';
import { formErrors } from '../../web/validation.js';
import { principalMayAct } from '../access/principal.js';
import { toAnx, toGexf, toGraphML } from './exports/index.js';
import { NETWORK_PATH, showForm, VIEWS } from './pages.js';
import { nodeMetrics } from './present.js';
import { asksForNetwork, exportQuerySchema, networkSearch, requestOf } from './schemas.js';
import type { ExportFormat, NetworkService } from './service.js';

const EXPORT = { permission: 'intelligence:export' } as const;

/** Whether to offer the exports: the policy's rule for exporting the entities a network shows. */
export function mayExport(res: Response): boolean {
  return principalMayAct(res.locals.principal, 'export', 'entity');
}

/** The files the network exports to: each an s62 disclosure (intelligence:export). */
export const EXPORTS: Record<
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

export function networkExportRoutes(service: NetworkService): RouteSpec[] {
  return [
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
  ];
}
