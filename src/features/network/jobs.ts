/**
 * A small in-process job runner for long network computations. Each job runs one task (tasks.ts)
 * in its own worker thread, so the thread serving requests is never blocked; it reports progress,
 * at most `maxRunning` run at once (the rest wait in a short queue, and beyond that new work is
 * refused rather than piling up), and finished jobs are forgotten after `keepMs`.
 *
 * Jobs are found by key (tasks.ts `taskKey`): the same person asking for the same network again
 * gets the job already running or its result, never a second computation. Results live only in
 * this process's memory: a restart forgets them, and the page simply computes again.
 */
import { Worker } from 'node:worker_threads';
import type { JobMessage } from './job-worker.js';
import type { NetworkTask, TaskResult } from './tasks.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  readonly id: string;
  readonly key: string;
  readonly owner: string;
  state: JobState;
  /** 0 to 1. */
  progress: number;
  stage: string;
  result?: TaskResult;
  error?: string;
  finishedAt?: number;
}

export interface JobRunnerOptions {
  maxRunning?: number;
  maxQueued?: number;
  keepMs?: number;
}

export class JobsBusyError extends Error {
  constructor() {
    super('Too many network computations are waiting: try again in a minute');
    this.name = 'JobsBusyError';
  }
}

/**
 * Starts the worker. Compiled, it is the .js beside this module; under tsx (tests, scripts) it is
 * the .ts source, started from a line that registers tsx's loader first (Node 20 does not pass a
 * loader given as --import on to a worker), as metrics/betweenness-parallel.ts does.
 */
function startWorker(task: NetworkTask): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./job-worker.js', import.meta.url), { workerData: task });
  }
  const source = JSON.stringify(new URL('./job-worker.ts', import.meta.url).href);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${source}); });`, {
    eval: true,
    workerData: task,
  });
}

/** Forgets jobs finished more than `keepMs` ago. */
function forgetFinished(jobs: Map<string, Job>, keepMs: number): void {
  const now = Date.now();
  for (const [key, job] of jobs) {
    if (job.finishedAt !== undefined && now - job.finishedAt > keepMs) jobs.delete(key);
  }
}

/** Keeps the job up to date from its worker's messages; `finished` is called once, at the end. */
function followWorker(worker: Worker, job: Job, finished: () => void): void {
  let settled = false;
  const settle = (apply: () => void) => {
    if (settled) return;
    settled = true;
    apply();
    finished();
  };
  worker.on('message', (message: JobMessage) => {
    if (message.kind === 'progress') {
      job.progress = message.fraction;
      job.stage = message.stage;
    } else if (message.kind === 'result') {
      settle(() => {
        job.state = 'done';
        job.progress = 1;
        job.stage = 'Done';
        job.result = message.result;
      });
    } else {
      settle(() => {
        job.state = 'failed';
        job.error = message.message;
      });
    }
  });
  worker.on('error', (error) =>
    settle(() => {
      job.state = 'failed';
      job.error = error.message;
    }),
  );
  worker.on('exit', (code) =>
    settle(() => {
      job.state = 'failed';
      job.error = `The computation stopped (exit code ${code})`;
    }),
  );
}

/** Resolves when the job has finished, or after `timeoutMs` with the job as it then is. */
function waitForJob(finished: Set<(job: Job) => void>, job: Job, timeoutMs: number): Promise<Job> {
  if (job.state === 'done' || job.state === 'failed') return Promise.resolve(job);
  return new Promise((resolve) => {
    const listener = (done: Job) => {
      if (done !== job) return;
      clearTimeout(timer);
      finished.delete(listener);
      resolve(job);
    };
    const timer = setTimeout(() => {
      finished.delete(listener);
      resolve(job);
    }, timeoutMs);
    finished.add(listener);
  });
}

/** The job's worker, started; or undefined, with the job failed, if it could not start. */
function launch(job: Job, task: NetworkTask): Worker | undefined {
  job.state = 'running';
  job.stage = 'Starting';
  try {
    return startWorker(task);
  } catch (error) {
    job.state = 'failed';
    job.error = error instanceof Error ? error.message : String(error);
    return undefined;
  }
}

/** A new job, waiting for its turn. */
function queuedJob(id: string, key: string, owner: string): Job {
  return { id, key, owner, state: 'queued', progress: 0, stage: 'Waiting to start' };
}

/** The runner's limits, with their defaults: two at once, eight waiting, kept ten minutes. */
function limitsOf(options: JobRunnerOptions) {
  return {
    maxRunning: Math.max(1, options.maxRunning ?? 2),
    maxQueued: Math.max(0, options.maxQueued ?? 8),
    keepMs: options.keepMs ?? 10 * 60_000,
  };
}

export function createJobRunner(options: JobRunnerOptions = {}) {
  const { maxRunning, maxQueued, keepMs } = limitsOf(options);
  const jobs = new Map<string, Job>();
  const waiting: { job: Job; task: NetworkTask }[] = [];
  const workers = new Set<Worker>();
  const finished = new Set<(job: Job) => void>();
  let running = 0;
  let counter = 0;
  const forgetOld = () => forgetFinished(jobs, keepMs);

  function finish(job: Job, worker: Worker | undefined): void {
    job.finishedAt = Date.now();
    running -= 1;
    if (worker) {
      workers.delete(worker);
      void worker.terminate();
    }
    for (const listener of finished) listener(job);
    startNext();
  }

  function start(job: Job, task: NetworkTask): void {
    running += 1;
    const worker = launch(job, task);
    if (!worker) return finish(job, undefined);
    // A running job must not keep a stopping process (or a finished test) alive.
    worker.unref();
    workers.add(worker);
    followWorker(worker, job, () => finish(job, worker));
  }

  function startNext(): void {
    while (running < maxRunning && waiting.length) {
      const next = waiting.shift();
      if (next) start(next.job, next.task);
    }
  }

  return {
    /** The job for this key: the one already known, or a new one (queued or started). */
    submit(key: string, owner: string, task: NetworkTask): Job {
      forgetOld();
      const known = jobs.get(key);
      if (known && known.state !== 'failed') return known;
      if (running >= maxRunning && waiting.length >= maxQueued) throw new JobsBusyError();
      counter += 1;
      const job = queuedJob(`job-${counter}`, key, owner);
      jobs.set(key, job);
      waiting.push({ job, task });
      startNext();
      return job;
    },

    /** The job for this key, if it is still remembered. */
    get(key: string): Job | undefined {
      forgetOld();
      return jobs.get(key);
    },

    /** A job by id, only for its owner (undefined otherwise: another's job does not exist). */
    byId(id: string, owner: string): Job | undefined {
      forgetOld();
      return [...jobs.values()].find((job) => job.id === id && job.owner === owner);
    },

    /** Resolves when the job has finished, or after `timeoutMs` with the job as it then is. */
    wait: (job: Job, timeoutMs: number): Promise<Job> => waitForJob(finished, job, timeoutMs),

    get running(): number {
      return running;
    },

    /** Stops every worker (when the app stops). */
    async close(): Promise<void> {
      waiting.length = 0;
      await Promise.all([...workers].map((worker) => worker.terminate()));
      workers.clear();
    },
  };
}
export type JobRunner = ReturnType<typeof createJobRunner>;
