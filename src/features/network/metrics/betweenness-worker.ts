/**
 * A worker thread for parallel exact betweenness (betweenness-parallel.ts). It holds one graph at
 * a time and answers "add up source block b" with that block's dependency totals, which it hands
 * back without copying (the buffer is transferred).
 */
import { parentPort } from 'node:worker_threads';
import { addSourceBlock, createBatchScratch, type Adjacency, type BatchScratch } from './brandes.js';

export type WorkerRequest =
  | { readonly kind: 'graph'; readonly offsets: Int32Array; readonly neighbours: Int32Array }
  | { readonly kind: 'block'; readonly block: number };

export interface WorkerReply {
  readonly block: number;
  readonly totals: Float64Array;
}

const port = parentPort;
if (port === null) throw new Error('betweenness-worker.ts runs only as a worker thread');

let graph: Adjacency | undefined;
let scratch: BatchScratch | undefined;

port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'graph') {
    const nodeCount = request.offsets.length - 1;
    graph = { offsets: request.offsets, neighbours: request.neighbours, nodeCount };
    if (scratch?.seen.length !== nodeCount) scratch = createBatchScratch(nodeCount);
    return;
  }
  if (graph === undefined || scratch === undefined) throw new Error('A block was asked for before a graph');
  const totals = new Float64Array(graph.nodeCount);
  addSourceBlock(graph, request.block, totals, scratch);
  const reply: WorkerReply = { block: request.block, totals };
  port.postMessage(reply, [totals.buffer]);
});
