/**
 * The two computations the network pages ask for, as plain data a worker thread can receive: the
 * analysis of a network (analysis.ts) and a disruption simulation. `runTask` runs either here, in
 * whatever thread calls it; `taskCost` says roughly how heavy it is, so small ones run inline and
 * only large ones go to the job runner (jobs.ts).
 */
import { createHash } from 'node:crypto';
import { analyseNetwork, graphOf, type NetworkAnalysis, type Progress } from './analysis.js';
import { disruption, listDisruption, type Disruption, type DisruptionMetric } from './metrics/disruption.js';
import type { VisibleNetwork } from './types.js';

export type DisruptionPlan =
  | { mode: 'sequential' | 'block'; metric: DisruptionMetric; steps: number; blockSize: number }
  | { mode: 'chosen'; remove: string[] };

export type NetworkTask =
  | { kind: 'analysis'; network: VisibleNetwork }
  | { kind: 'disruption'; network: VisibleNetwork; plan: DisruptionPlan };

export type TaskResult =
  { kind: 'analysis'; analysis: NetworkAnalysis } | { kind: 'disruption'; disruption: Disruption };

/** Work units below which a task runs inline, in the request: a few milliseconds. */
export const INLINE_COST = 2_000_000;

/** Roughly the number of steps of the heaviest part: betweenness is n × m per computation. */
export function taskCost(task: NetworkTask): number {
  const n = task.network.nodes.length;
  const m = Math.max(1, task.network.edges.length);
  if (task.kind === 'analysis') return n * m;
  const plan = task.plan;
  if (plan.mode === 'chosen') return plan.remove.length * (n + m);
  const perStep = plan.metric === 'betweenness' || plan.metric === 'closeness' ? n * m : 50 * (n + m);
  return Math.min(plan.steps, n) * perStep;
}

/**
 * Identifies a task by what its result depends on (node ids and kinds, which pairs are linked, the
 * plan) and by who asked, so a result is only ever given back to the person whose network it is,
 * and only while their network is still exactly the same.
 */
export function taskKey(owner: string, task: NetworkTask): string {
  const hash = createHash('sha256');
  hash.update(`${owner}\n${task.kind}\n`);
  for (const node of task.network.nodes) hash.update(`n ${node.id} ${node.schema}\n`);
  for (const edge of task.network.edges) hash.update(`e ${edge.from} ${edge.to}\n`);
  if (task.kind === 'disruption') hash.update(JSON.stringify(task.plan));
  return hash.digest('hex');
}

export function runTask(task: NetworkTask, onProgress: Progress = () => undefined): TaskResult {
  if (task.kind === 'analysis')
    return { kind: 'analysis', analysis: analyseNetwork(task.network, onProgress) };
  const graph = graphOf(task.network);
  const plan = task.plan;
  onProgress(0, 'Removing');
  const result =
    plan.mode === 'chosen'
      ? listDisruption(graph, plan.remove)
      : disruption(graph, {
          metric: plan.metric,
          steps: plan.steps,
          blockSize: plan.mode === 'block' ? plan.blockSize : 1,
          onStep: (done, total) => onProgress(done / Math.max(1, total), `Step ${done} of ${total}`),
        });
  onProgress(1, 'Done');
  return { kind: 'disruption', disruption: result };
}
