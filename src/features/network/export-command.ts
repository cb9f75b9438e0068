/**
 * Exporting the viewer's network to a file: an s62 DISCLOSURE naming every entity and link in it,
 * written by the command kernel in the same transaction as the reads. Metrics come with it when
 * the analysis is cheap enough to run here, or already finished as a job for this very network;
 * an export never waits for one. Handling code C records stop it until their conditions are
 * acknowledged, and nothing is written then.
 */
import type { Tx } from '../../db/database.js';
import { done, notFound, type Recorded } from '../../web/commands.js';
import type { Asker } from '../../web/partner-pages.js';
import { conditionsToAcknowledge, type Viewer } from '../access/policy.js';
import type { NetworkAnalysis } from './analysis.js';
import { buildVisibleNetwork, type BuiltNetwork, type NetworkRequest } from './build.js';
import { handlingOf } from './queries.js';
import { runTask, taskCost, taskKey, type NetworkTask } from './tasks.js';
import { consultationOf, type NetworkCommandContext } from './view-command.js';

/** The file formats the visible network exports to (exports/). */
export type ExportFormat = 'graphml' | 'gexf' | 'anx';

export type ExportOutcome =
  | { kind: 'done'; network: BuiltNetwork; analysis?: NetworkAnalysis }
  | { kind: 'not-found' }
  /** Handling code C records are in it: their conditions, to acknowledge before it goes. */
  | { kind: 'conditions'; conditions: string[] };

/** The analysis, if it is cheap enough to run now or already finished; an export never waits. */
function analysisAtHand(
  context: NetworkCommandContext,
  owner: string,
  network: BuiltNetwork,
): NetworkAnalysis | undefined {
  const task: NetworkTask = { kind: 'analysis', network };
  if (taskCost(task) <= context.inlineCost) {
    const result = runTask(task);
    return result.kind === 'analysis' ? result.analysis : undefined;
  }
  const job = context.runner.get(taskKey(owner, task));
  return job?.state === 'done' && job.result?.kind === 'analysis' ? job.result.analysis : undefined;
}

export async function exportNetwork(
  context: NetworkCommandContext,
  asker: Asker,
  request: NetworkRequest,
  format: ExportFormat,
  acknowledged: boolean,
): Promise<ExportOutcome> {
  const outcome = await context.kernel.audited(
    asker,
    async (tx: Tx, viewer: Viewer): Promise<Recorded<Exclude<ExportOutcome, { kind: 'not-found' }>>> => {
      const network = await buildVisibleNetwork(tx, viewer, request);
      if (!network) return { outcome: notFound };
      const handling = await handlingOf(
        tx,
        network.nodes.map((n) => n.id),
        network.edges.map((e) => e.id),
      );
      const conditions = conditionsToAcknowledge(
        handling.map((h) => ({ handlingCode: 'C', handlingConditions: h.handling_conditions })),
        acknowledged,
      );
      // Nothing leaves yet, so nothing is written.
      if (conditions.length) return { outcome: done({ kind: 'conditions', conditions }) };

      const analysis = analysisAtHand(context, asker.principal.userId, network);
      const shown = consultationOf(request, network, {});
      return {
        outcome: done({ kind: 'done', network, ...(analysis ? { analysis } : {}) }),
        entry: {
          action: 'disclosure',
          recordType: shown.recordType,
          recordIds: shown.recordIds,
          recipients: 'the requesting user, by download',
          detail: {
            format,
            seeds: shown.detail.seeds,
            ocg: shown.detail.ocg,
            hops: shown.detail.hops,
            filters: shown.detail.filters,
            entities: shown.detail.entities,
            links: shown.detail.links,
            metrics: analysis !== undefined,
          },
        },
      };
    },
  );
  // The work above finds the network or not; it never refuses.
  return outcome.kind === 'done' ? outcome.value : { kind: 'not-found' };
}
