/**
 * Viewing a network: the command behind the network pages and API. It builds the viewer's
 * network afresh (so a result is never shown for a network the viewer no longer sees), then
 * either computes what was asked for inline (small networks) or hands it to the job runner and
 * says how far it has got. A view that shows the network writes ONE s62 consultation naming every
 * entity and link in it, in the same transaction as the reads (the command kernel); a "still
 * working" answer shows no one and writes nothing.
 */
import type { Tx } from '../../db/database.js';
import {
  done,
  notFound,
  refused,
  type AuditRecord,
  type CommandKernel,
  type Recorded,
} from '../../web/commands.js';
import type { Asker } from '../../web/partner-pages.js';
import type { Viewer } from '../access/policy.js';
import { graphOf, type NetworkAnalysis } from './analysis.js';
import { buildVisibleNetwork, type BuiltNetwork, type NetworkRequest } from './build.js';
import { JobsBusyError, type Job, type JobRunner } from './jobs.js';
import type { Disruption } from './metrics/disruption.js';
import { shortestPath, type ShortestPath } from './metrics/shortest-paths.js';
import { ocgPrincipalsAmong } from './queries.js';
import {
  runTask,
  taskCost,
  taskKey,
  type DisruptionPlan,
  type NetworkTask,
  type TaskResult,
} from './tasks.js';

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

/** What a view comes to once the network is found and the choices in it are sound. */
type Progress = Exclude<NetworkOutcome, { kind: 'not-found' } | { kind: 'refused' }>;

/** What the network commands work with: the kernel, the job runner and the inline limit. */
export interface NetworkCommandContext {
  kernel: CommandKernel;
  runner: JobRunner;
  /** Tasks costing at most this run inline (tasks.ts taskCost). */
  inlineCost: number;
}

/** Runs or looks up one task; a result, or the job still running. */
function obtain(context: NetworkCommandContext, owner: string, task: NetworkTask): TaskResult | Job {
  if (taskCost(task) <= context.inlineCost) return runTask(task);
  const key = taskKey(owner, task);
  const job = context.runner.get(key) ?? context.runner.submit(key, owner, task);
  if (job.state === 'done' && job.result) return job.result;
  return job;
}

/** The consultation a view writes: what it showed (or computed over), and what was asked. */
export function consultationOf(request: NetworkRequest, network: BuiltNetwork, wanted: Wanted) {
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
  } satisfies AuditRecord;
}

/** Chosen nodes (to remove, or a path's ends) that are not in the viewer's network: field → message. */
function choicesNotInNetwork(network: BuiltNetwork, wanted: Wanted): Record<string, string> {
  const inNetwork = new Set(network.nodes.map((n) => n.id));
  const errors: Record<string, string> = {};
  if (wanted.disruption?.mode === 'chosen' && wanted.disruption.remove.some((id) => !inNetwork.has(id)))
    errors.remove = 'Select the people or things to remove from the list';
  if (wanted.path && !inNetwork.has(wanted.path.from)) errors.pathFrom = 'Select where the path starts';
  if (wanted.path && !inNetwork.has(wanted.path.to)) errors.pathTo = 'Select where the path ends';
  return errors;
}

/** The analysis and disruption asked for: computed or finished, or why not yet. */
function computed(
  context: NetworkCommandContext,
  owner: string,
  network: BuiltNetwork,
  wanted: Wanted,
): { value: NetworkResult } | Exclude<Progress, { kind: 'done' }> {
  const value: NetworkResult = { network };
  const pending: Job[] = [];
  try {
    const tasks: NetworkTask[] = [];
    if (wanted.analysis) tasks.push({ kind: 'analysis', network });
    if (wanted.disruption) tasks.push({ kind: 'disruption', network, plan: wanted.disruption });
    for (const task of tasks) {
      const got = obtain(context, owner, task);
      if ('state' in got) {
        if (got.state === 'failed') return { kind: 'failed', message: got.error ?? 'The computation failed' };
        pending.push(got);
      } else if (got.kind === 'analysis') value.analysis = got.analysis;
      else value.disruption = got.disruption;
    }
  } catch (error) {
    if (error instanceof JobsBusyError) return { kind: 'busy', message: error.message };
    throw error;
  }
  if (pending.length) return { kind: 'pending', jobs: pending };
  return { value };
}

/**
 * The network with what was asked of it. Not found when no seed or OCG is one the viewer may
 * see; refused when a chosen node (to remove, or a path's end) is not in their network.
 */
export async function viewNetwork(
  context: NetworkCommandContext,
  asker: Asker,
  request: NetworkRequest,
  wanted: Wanted,
): Promise<NetworkOutcome> {
  const outcome = await context.kernel.audited(
    asker,
    async (tx: Tx, viewer: Viewer): Promise<Recorded<Progress>> => {
      const network = await buildVisibleNetwork(tx, viewer, request);
      if (!network) return { outcome: notFound };
      const errors = choicesNotInNetwork(network, wanted);
      if (Object.keys(errors).length) return { outcome: refused(errors) };

      // Not done yet (still computing, busy or failed): nothing is shown, so nothing is written.
      const got = computed(context, asker.principal.userId, network, wanted);
      if (!('value' in got)) return { outcome: done(got) };
      const { value } = got;
      if (wanted.path) value.path = shortestPath(graphOf(network), wanted.path.from, wanted.path.to);
      if (value.analysis) {
        value.principals = await ocgPrincipalsAmong(
          tx,
          viewer,
          value.analysis.targets.map((t) => t.id),
        );
      }
      return { outcome: done({ kind: 'done', value }), entry: consultationOf(request, network, wanted) };
    },
  );
  return outcome.kind === 'done' ? outcome.value : outcome;
}
