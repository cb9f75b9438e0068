/**
 * The composition root: config → database → services → routes → app, by plain factory functions.
 * Nothing else wires things together, so this file shows the whole shape of Lantern.
 */
import { readFileSync } from 'node:fs';
import type { Express } from 'express';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { createAccounts } from './features/access/accounts.js';
import { administrationRoutes } from './features/access/admin/index.js';
import { createSessions, sessionMiddleware } from './features/access/sessions.js';
import { agencyRecords, sharingRuleRecords, userRecords } from './features/access/record-sources.js';
import type { RecordSource } from './features/access/records.js';
import { recordsApiRoutes } from './features/access/records-api.js';
import { useAuditKey } from './features/audit/audit-key.js';
import { auditEntryRecords } from './features/audit/audit-records.js';
import { startCheckpointer } from './features/audit/checkpointer.js';
import { receivePublicReport } from './features/intelligence/index.js';
import { entitiesRoutes } from './features/intelligence/entities/index.js';
import { registerIntelligenceNames } from './features/intelligence/record-names.js';
import { intelligenceRecordSources } from './features/intelligence/records.js';
import { inboxRoutes } from './features/intelligence/inbox/index.js';
import { groupsRoutes } from './features/groups/index.js';
import { plansOfOcg } from './features/groups/queries.js';
import { registerGroupNames } from './features/groups/record-names.js';
import { groupRecordSources } from './features/groups/records.js';
import { seedScoringModels } from './features/groups/seed.js';
import { plansRoutes } from './features/plans/index.js';
import { registerPlanNames } from './features/plans/record-names.js';
import { planRecordSources } from './features/plans/records.js';
import { importRoutes } from './features/intelligence/import/routes.js';
import { linkChartRoutes } from './features/network/link-chart/routes.js';
import { searchRoutes } from './features/intelligence/search/routes.js';
import { networkFeatureRoutes, registerNetworkNames } from './features/network/index.js';
import { reportFileRecords, reportRecords } from './features/reports/records.js';
import { workspaceHomeRoutes } from './features/access/workspace-home.js';
import { purposeRoutes } from './features/access/purpose.js';
import { signInRoutes } from './features/access/sign-in.js';
import { signInThrottle } from './features/access/sign-in-throttle.js';
import { clientKeys } from './features/reports/rate-limit.js';
import { apiDocsRoutes } from './features/api-docs/routes.js';
import { defaultRecordNames } from './features/audit/record-names.js';
import { auditRoutes } from './features/audit/routes.js';
import { healthRoutes } from './features/health/routes.js';
import { createPublicContent } from './features/public-site/content/content.js';
import { seedPublicContent } from './features/public-site/content/seed.js';
import { publicSiteRoutes } from './features/public-site/routes.js';
import { createReports } from './features/reports/reports.js';
import { reportRoutes } from './features/reports/routes.js';
import { tacticsRoutes } from './features/tactics/index.js';
import { registerTacticNames, tacticRecords } from './features/tactics/records.js';
import { seedTactics } from './features/tactics/seed.js';
import { projectPath } from './paths.js';
import { createApp } from './web/app.js';
import { createLogger, type Logger } from './web/logging.js';
import type { RouteSpec } from './web/routes.js';
import { listen, type RunningServer } from './web/server.js';

export const VERSION: string = (
  JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }
).version;

export function createServices(config: Config, database: Database, clock: () => number = Date.now) {
  return {
    accounts: createAccounts(database),
    signInThrottle: signInThrottle(clientKeys(clock), config.signIn, clock),
    sessions: createSessions(database, config),
    reports: createReports(database, config.secret, config.reports, receivePublicReport),
    /** Record id → name for the audit pages; later features register their record types here. */
    recordNames: withTacticNames(withIntelligenceNames(defaultRecordNames())),
    publicContent: createPublicContent(database),
  };
}
export type Services = ReturnType<typeof createServices>;

/** Every feature's routes. A new feature adds its list here. */
export function featureRoutes(config: Config, database: Database, services: Services): RouteSpec[] {
  const routes = [
    ...healthRoutes(database, VERSION),
    ...publicSiteRoutes(services.publicContent),
    ...reportRoutes(services.reports, config.reports),
    ...signInRoutes({
      database,
      accounts: services.accounts,
      sessions: services.sessions,
      throttle: services.signInThrottle,
      config,
    }),
    ...purposeRoutes(services.sessions),
    ...workspaceHomeRoutes(database, recordSources()),
    ...recordsApiRoutes(database, recordSources()),
    ...auditRoutes({
      database,
      sessions: services.sessions,
      recordNames: services.recordNames,
      checkpoints: config.audit,
    }),
    ...searchRoutes(database),
    ...administrationRoutes({ database, accounts: services.accounts, sessions: services.sessions, config }),
    ...inboxRoutes({ database, sessions: services.sessions }),
    ...entitiesRoutes({ database, sessions: services.sessions }),
    ...importRoutes({ database, sessions: services.sessions }),
    ...groupsRoutes({ database, sessions: services.sessions, plansFor: plansOfOcg }),
    ...networkFeatureRoutes({ database }),
    ...plansRoutes({ database, sessions: services.sessions }),
    ...tacticsRoutes({ database, sessions: services.sessions }),
    ...linkChartRoutes({ database, sessions: services.sessions }),
  ];
  return [...routes, ...apiDocsRoutes(routes, { title: 'Lantern API', version: VERSION })];
}

function withIntelligenceNames(names: ReturnType<typeof defaultRecordNames>) {
  registerIntelligenceNames(names);
  registerGroupNames(names);
  registerNetworkNames(names);
  registerPlanNames(names);
  return names;
}

function withTacticNames(names: ReturnType<typeof defaultRecordNames>) {
  registerTacticNames(names);
  return names;
}

/** Every type of record the access policy governs, each from the feature that holds it. */
export function recordSources(): RecordSource[] {
  return [
    reportRecords,
    reportFileRecords,
    userRecords,
    agencyRecords,
    sharingRuleRecords,
    auditEntryRecords,
    ...intelligenceRecordSources,
    ...groupRecordSources,
    ...planRecordSources,
    tacticRecords,
  ];
}

export interface Lantern {
  config: Config;
  logger: Logger;
  database: Database;
  services: Services;
  app: Express;
  /** Closes the database. Call after the server (if any) has stopped. */
  close(): Promise<void>;
}

export interface BuildOptions {
  logger?: Logger;
  /** An already-open database (tests); otherwise the config's is opened and migrated. */
  database?: Database;
  /** Extra routes (tests of the route mechanism). */
  extraRoutes?: RouteSpec[];
  /** The time, for what waits on it (sign-in delays); tests move it on instead of sleeping. */
  clock?: () => number;
}

export async function buildLantern(config: Config, options: BuildOptions = {}): Promise<Lantern> {
  const logger = options.logger ?? createLogger(config.logLevel);
  // Before anything can write an audit entry: seeding below may.
  useAuditKey(config.audit.key);
  const database = options.database ?? (await openDatabase(config.database));
  try {
    const applied = await migrate(database);
    if (applied.length) logger.info({ migrations: applied }, 'database migrated');
    const seeded = await seedPublicContent(database);
    if (seeded.length) logger.info({ rows: seeded.length }, 'public content seeded');
    const models = await seedScoringModels(database);
    if (models.length) logger.info({ models }, 'scoring models seeded');
    const tactics = await seedTactics(database);
    if (tactics.length) logger.info({ tactics: tactics.length }, 'tactics library seeded');
    const services = createServices(config, database, options.clock);
    const routes = [...featureRoutes(config, database, services), ...(options.extraRoutes ?? [])];
    const app = createApp({
      config,
      logger,
      version: VERSION,
      routes,
      identify: sessionMiddleware(services.sessions),
    });
    return { config, logger, database, services, app, close: () => database.close() };
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
}

/** Starts serving and writing audit checkpoints, and stops cleanly on SIGTERM or SIGINT. */
export async function serve(lantern: Lantern): Promise<RunningServer> {
  const { config, logger } = lantern;
  const checkpoints = await startCheckpointer(lantern.database.db, config.audit, logger);
  const running = await listen(lantern.app, {
    port: config.port,
    host: config.host,
    graceMs: config.shutdownGraceMs,
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'stopping: finishing requests in flight');
    void running
      .stop()
      .then(() => checkpoints.stop())
      .then(() => lantern.close())
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return running;
}
