/**
 * Exact betweenness on several cores. Source nodes are split into fixed blocks (brandes.ts); idle
 * worker threads take the next block, and the block totals are summed in block order, so the
 * answer is bit-for-bit the single-threaded one (betweenness.ts) on any number of workers.
 *
 * The workers are started once per pool and reused, because starting one costs tens of
 * milliseconds (far more under tsx), which would swamp a sequential disruption that recomputes
 * betweenness after every removal.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  addInto,
  betweenness,
  finishBetweenness,
  totalsInGraphOrder,
  type Betweenness,
} from './betweenness.js';
import type { WorkerReply, WorkerRequest } from './betweenness-worker.js';
import { localityOrdered, sourceBlockCount } from './brandes.js';
import type { Graph } from './graph.js';

export interface BetweennessPool {
  /** Number of worker threads the pool may use. */
  readonly size: number;
  /** Number of worker threads started so far (they start on first need). */
  readonly started: number;
  betweenness(graph: Graph): Promise<Betweenness>;
  /** Stops the workers. The pool cannot be used afterwards. */
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Worker threads; defaults to os.availableParallelism(). */
  readonly workers?: number;
}

/**
 * Starts one worker. Compiled, its code is the .js next to this module (dist/src/...). Under tsx
 * (tests, scripts) this module is the .ts source and so is the worker; Node 20 does not apply a
 * loader given to a worker as `--import`, so the thread starts from a line that registers tsx's
 * loader first and then imports the .ts file. tsx is resolved from here, not from the working
 * directory.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./betweenness-worker.js', import.meta.url));
  const source = JSON.stringify(new URL('./betweenness-worker.ts', import.meta.url).href);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${source}); });`, {
    eval: true,
  });
}

export function createBetweennessPool(options: PoolOptions = {}): BetweennessPool {
  const size = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const workers: Worker[] = [];
  let closed = false;
  // One computation at a time: each call sends its own graph to every worker.
  let queue: Promise<unknown> = Promise.resolve();

  async function stopWorkers(): Promise<void> {
    const stopping = workers.splice(0, workers.length);
    await Promise.all(stopping.map((worker) => worker.terminate()));
  }

  function started(count: number): Worker[] {
    while (workers.length < count) {
      const worker = startWorker();
      // Idle workers must not keep the process alive; they are ref'd while they work.
      worker.unref();
      workers.push(worker);
    }
    return workers.slice(0, count);
  }

  async function compute(graph: Graph): Promise<Betweenness> {
    if (closed) throw new Error('The betweenness pool has been closed');
    const blocks = sourceBlockCount(graph.nodeCount);
    // One block is no work to share: the thread we are in does it faster than a message round trip.
    if (blocks <= 1 || size <= 1) return betweenness(graph);

    const { adjacency, order } = localityOrdered(graph);
    const team = started(Math.min(size, blocks));
    const parts: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(blocks);
    try {
      await new Promise<void>((resolve, reject) => {
        let next = 0;
        let done = 0;
        let settled = false;
        const cleanups: (() => void)[] = [];
        const finish = (error?: Error) => {
          if (settled) return;
          settled = true;
          for (const cleanup of cleanups) cleanup();
          if (error) reject(error);
          else resolve();
        };
        const give = (worker: Worker) => {
          if (next < blocks) {
            const request: WorkerRequest = { kind: 'block', block: next++ };
            worker.postMessage(request);
          }
        };
        for (const worker of team) {
          const onMessage = (reply: WorkerReply) => {
            parts[reply.block] = reply.totals;
            done++;
            if (done === blocks) finish();
            else give(worker);
          };
          const onError = (error: Error) => finish(error);
          const onExit = (code: number) =>
            finish(new Error(`A betweenness worker stopped (exit code ${code})`));
          worker.on('message', onMessage);
          worker.on('error', onError);
          worker.on('exit', onExit);
          worker.ref();
          cleanups.push(() => {
            worker.off('message', onMessage);
            worker.off('error', onError);
            worker.off('exit', onExit);
            worker.unref();
          });
          const request: WorkerRequest = {
            kind: 'graph',
            offsets: adjacency.offsets,
            neighbours: adjacency.neighbours,
          };
          worker.postMessage(request);
          give(worker);
        }
      });
    } catch (error) {
      // The other workers may still be busy with this graph, and their late answers must not be
      // taken for the next one's: stop them all, and start afresh on the next call.
      await stopWorkers();
      throw error;
    }

    const total = new Float64Array(graph.nodeCount);
    for (const part of parts) {
      if (part === undefined) throw new Error('A betweenness block went missing');
      addInto(total, part);
    }
    return finishBetweenness(totalsInGraphOrder(total, order));
  }

  return {
    size,
    get started() {
      return workers.length;
    },
    betweenness(graph) {
      const result = queue.then(() => compute(graph));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      closed = true;
      await queue;
      await stopWorkers();
    },
  };
}

/** Exact betweenness on a pool made for this one call. */
export async function parallelBetweenness(graph: Graph, options: PoolOptions = {}): Promise<Betweenness> {
  const pool = createBetweennessPool(options);
  try {
    return await pool.betweenness(graph);
  } finally {
    await pool.close();
  }
}
