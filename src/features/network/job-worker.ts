/**
 * A worker thread running one network task (tasks.ts) for the job runner (jobs.ts), so a long
 * computation never holds up the thread that serves requests. It reports progress at most every
 * 100 ms, then the result, then stops.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type NetworkTask, type TaskResult } from './tasks.js';

export type JobMessage =
  | { kind: 'progress'; fraction: number; stage: string }
  | { kind: 'result'; result: TaskResult }
  | { kind: 'failed'; message: string };

const port = parentPort;
if (port === null) throw new Error('job-worker.ts runs only as a worker thread');

let last = 0;
try {
  const result = runTask(workerData as NetworkTask, (fraction, stage) => {
    const now = Date.now();
    if (now - last < 100 && fraction < 1) return;
    last = now;
    port.postMessage({ kind: 'progress', fraction, stage } satisfies JobMessage);
  });
  port.postMessage({ kind: 'result', result } satisfies JobMessage);
} catch (error) {
  port.postMessage({
    kind: 'failed',
    message: error instanceof Error ? error.message : String(error),
  } satisfies JobMessage);
}
