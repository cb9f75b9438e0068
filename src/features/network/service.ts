/**
 * The commands behind the network pages and API. Each builds the viewer's network afresh (so a
 * result is never shown for a network the viewer no longer sees), then either computes what was
 * asked for inline (small networks) or hands it to the job runner and says how far it has got.
 * A view that shows the network writes ONE s62 consultation naming every entity and link in it,
 * in the same transaction as the reads; a "still working" answer shows no one and writes nothing.
 */
import type { Database, Tx } from '../../db/database.js';
import { conditionsToAcknowledge, type Viewer } from '../access/policy.js';
import { loadViewer } from '../access/viewer.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import type { NetworkAnalysis } from './analysis.js';
import { buildVisibleNetwork, type BuiltNetwork, type NetworkRequest } from './build.js';
import { JobsBusyError, type Job, type JobRunner } from './jobs.js';
import type { Disruption } from './metrics/disruption.js';
import { graphOf } from './analysis.js';
import { shortestPath, type ShortestPath } from './metrics/shortest-paths.js';
import { handlingOf, ocgPrincipalsAmong } from './queries.js';
import {
  INLINE_COST,
  runTask,
  taskCost,
  taskKey,
  type DisruptionPlan,
  type NetworkTask,
  type TaskResult,
} from './tasks.js';
import type { Asker } from '../../web/partner-pages.js';

/** The partner a command acts for (web/partner-pages.ts). */
export type { Asker };

export interface Wanted {
  analysis?: boolean;
  disruption?: DisruptionPlan;
  path?: { from: string; to: string };
}

export interface NetworkResult {
  network: BuiltNetwork;
  analysis?: NetworkAnalysis;
  disruption?: Disruption;
  /** Null when the two are not connected in the network. */
  path?: ShortestPath | null;
  /** Of the people to target, those who are an OCG's principal (for the tactics they suggest). */
  principals?: Set<string>;
}

export type NetworkOutcome =
  | { kind: 'done'; value: NetworkResult }
  | { kind: 'not-found' }
  | { kind: 'refused'; errors: Record<string, string> }
  /** Still computing: the jobs, for their progress. Nothing personal is shown. */
  | { kind: 'pending'; jobs: Job[] }
  | { kind: 'busy'; message: string }
  | { kind: 'failed'; message: string };

/** The file formats the visible network exports to (exports/). */
export type ExportFormat = 'graphml' | 'gexf' | 'anx';

export type ExportOutcome =
  | { kind: 'done'; network: BuiltNetwork; analysis?: NetworkAnalysis }
  | { kind: 'not-found' }
  /** Handling code C records are in it: their conditions, to acknowledge before it goes. */
  | { kind: 'conditions'; conditions: string[] };

export interface NetworkServiceOptions {
  /** Tasks costing at most this run inline (tasks.ts taskCost). */
  inlineCost?: number;
}

export function createNetworkService(
  database: Database,
  runner: JobRunner,
  options: NetworkServiceOptions = {},
) {
  const inlineCost = options.inlineCost ?? INLINE_COST;

  /** Runs or looks up one task; a result, or the job still running. */
  function obtain(owner: string, task: NetworkTask): TaskResult | Job {
    if (taskCost(task) <= inlineCost) return runTask(task);
    const key = taskKey(owner, task);
    const job = runner.get(key) ?? runner.submit(key, owner, task);
    if (job.state === 'done' && job.result) return job.result;
    return job;
  }

  function auditEntry(request: NetworkRequest, network: BuiltNetwork, wanted: Wanted) {
    return {
      action: 'consultation' as const,
      recordType: 'network',
      // Every entity and every link the view shows (or computed over), and the OCG it is about
      // (its name is on the page), so "who looked at X" finds this view for any of them.
      recordIds: [
        ...(network.ocg ? [network.ocg.id] : []),
        ...network.nodes.map((n) => n.id),
        ...network.edges.map((e) => e.id),
      ],
      detail: {
        seeds: request.seeds ?? [],
        ocg: request.ocgId ?? null,
        hops: request.hops,
        filters: request.filters ?? {},
        entities: network.nodes.length,
        links: network.edges.length,
        shown: [
          ...(wanted.analysis ? ['analysis'] : []),
          ...(wanted.disruption ? ['disruption'] : []),
          ...(wanted.path ? ['path'] : []),
        ],
        ...(wanted.disruption ? { disruption: wanted.disruption } : {}),
        ...(wanted.path ? { path: wanted.path } : {}),
      },
    };
  }

  return {
    /**
     * The network with what was asked of it. Not found when no seed or OCG is one the viewer may
     * see; refused when a chosen node (to remove, or a path's end) is not in their network.
     */
    view(asker: Asker, request: NetworkRequest, wanted: Wanted): Promise<NetworkOutcome> {
      return database.transaction(async (tx: Tx): Promise<NetworkOutcome> => {
        const viewer: Viewer = await loadViewer(tx, asker.principal);
        const network = await buildVisibleNetwork(tx, viewer, request);
        if (!network) return { kind: 'not-found' };
        const inNetwork = new Set(network.nodes.map((n) => n.id));

        const errors: Record<string, string> = {};
        if (wanted.disruption?.mode === 'chosen' && wanted.disruption.remove.some((id) => !inNetwork.has(id)))
          errors.remove = 'Select the people or things to remove from the list';
        if (wanted.path && !inNetwork.has(wanted.path.from)) errors.pathFrom = 'Select where the path starts';
        if (wanted.path && !inNetwork.has(wanted.path.to)) errors.pathTo = 'Select where the path ends';
        if (Object.keys(errors).length) return { kind: 'refused', errors };

        const value: NetworkResult = { network };
        const pending: Job[] = [];
        try {
          const tasks: NetworkTask[] = [];
          if (wanted.analysis) tasks.push({ kind: 'analysis', network });
          if (wanted.disruption) tasks.push({ kind: 'disruption', network, plan: wanted.disruption });
          for (const task of tasks) {
            const got = obtain(asker.principal.userId, task);
            if ('state' in got) {
              if (got.state === 'failed')
                return { kind: 'failed', message: got.error ?? 'The computation failed' };
              pending.push(got);
            } else if (got.kind === 'analysis') value.analysis = got.analysis;
            else value.disruption = got.disruption;
          }
        } catch (error) {
          if (error instanceof JobsBusyError) return { kind: 'busy', message: error.message };
          throw error;
        }
        if (pending.length) return { kind: 'pending', jobs: pending };
        if (wanted.path) value.path = shortestPath(graphOf(network), wanted.path.from, wanted.path.to);
        if (value.analysis) {
          value.principals = await ocgPrincipalsAmong(
            tx,
            viewer,
            value.analysis.targets.map((t) => t.id),
          );
        }

        await writeAuditEntry(tx, asker.audit, {
          ...auditEntry(request, network, wanted),
          event: asker.event,
        });
        return { kind: 'done', value };
      });
    },

    /**
     * The viewer's network for a file export: an s62 DISCLOSURE naming every entity and link in
     * it. Metrics come with it when the analysis is cheap enough to run here, or already finished
     * as a job for this very network; an export never waits for one. Handling code C records stop
     * it until their conditions are acknowledged, and nothing is written then.
     */
    exportNetwork(
      asker: Asker,
      request: NetworkRequest,
      format: ExportFormat,
      acknowledged: boolean,
    ): Promise<ExportOutcome> {
      return database.transaction(async (tx: Tx): Promise<ExportOutcome> => {
        const viewer: Viewer = await loadViewer(tx, asker.principal);
        const network = await buildVisibleNetwork(tx, viewer, request);
        if (!network) return { kind: 'not-found' };
        const handling = await handlingOf(
          tx,
          network.nodes.map((n) => n.id),
          network.edges.map((e) => e.id),
        );
        const conditions = conditionsToAcknowledge(
          handling.map((h) => ({ handlingCode: 'C', handlingConditions: h.handling_conditions })),
          acknowledged,
        );
        if (conditions.length) return { kind: 'conditions', conditions };

        const task: NetworkTask = { kind: 'analysis', network };
        let analysis: NetworkAnalysis | undefined;
        if (taskCost(task) <= inlineCost) {
          const result = runTask(task);
          if (result.kind === 'analysis') analysis = result.analysis;
        } else {
          const job = runner.get(taskKey(asker.principal.userId, task));
          if (job?.state === 'done' && job.result?.kind === 'analysis') analysis = job.result.analysis;
        }
        const shown = auditEntry(request, network, {});
        await writeAuditEntry(tx, asker.audit, {
          action: 'disclosure',
          event: asker.event,
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
        });
        return { kind: 'done', network, ...(analysis ? { analysis } : {}) };
      });
    },

    /** A job's progress, for its owner only (for pages that poll with JavaScript). */
    progress(asker: Asker, jobId: string): Job | undefined {
      return runner.byId(jobId, asker.principal.userId);
    },

    /** Waits up to `ms` for running jobs (the API waits a little before answering "still working"). */
    async settle(jobs: readonly Job[], ms: number): Promise<void> {
      await Promise.all(jobs.map((job) => runner.wait(job, ms)));
    },
  };
}
export type NetworkService = ReturnType<typeof createNetworkService>;
