/**
 * The commands behind the network pages and API, over one database and job runner: viewing a
 * network (view-command.ts), exporting it (export-command.ts), and a job's progress. Each command
 * that shows or discloses the network goes through the command kernel (web/commands.ts): the
 * viewer, the reads and the one audit entry in one transaction.
 */
import type { Database } from '../../db/database.js';
import { commandKernel } from '../../web/commands.js';
import type { Asker } from '../../web/partner-pages.js';
import type { NetworkRequest } from './build.js';
import { exportNetwork, type ExportFormat } from './export-command.js';
import type { Job, JobRunner } from './jobs.js';
import { INLINE_COST } from './tasks.js';
import { viewNetwork, type NetworkCommandContext, type Wanted } from './view-command.js';

/** The partner a command acts for (web/partner-pages.ts). */
export type { Asker };
export type { ExportFormat, ExportOutcome } from './export-command.js';
export type { NetworkOutcome, NetworkResult, Wanted } from './view-command.js';

export interface NetworkServiceOptions {
  /** Tasks costing at most this run inline (tasks.ts taskCost). */
  inlineCost?: number;
}

export function createNetworkService(
  database: Database,
  runner: JobRunner,
  options: NetworkServiceOptions = {},
) {
  const context: NetworkCommandContext = {
    kernel: commandKernel(database),
    runner,
    inlineCost: options.inlineCost ?? INLINE_COST,
  };

  return {
    view: (asker: Asker, request: NetworkRequest, wanted: Wanted) =>
      viewNetwork(context, asker, request, wanted),

    exportNetwork: (asker: Asker, request: NetworkRequest, format: ExportFormat, acknowledged: boolean) =>
      exportNetwork(context, asker, request, format, acknowledged),

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
