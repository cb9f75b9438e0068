/**
 * `npx lantern <command>`: serve, migrate, demo-data, create-user, audit verify, import. Errors are one line on stderr
 * and a non-zero exit; --help says what each command takes.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { DataDirInUseError } from './db/data-dir-lock.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { AccountError, AGENCY_KINDS, createAccounts, type AgencyKind } from './features/access/accounts.js';
import { isRole, ROLES } from './features/access/roles.js';
import { useAuditKey } from './features/audit/audit-key.js';
import { verifyAuditLog } from './features/audit/audit-verify.js';
import { checkpointIfMoved } from './features/audit/checkpointer.js';
import { importCommand, IMPORT_HELP } from './features/intelligence/import/cli.js';
import { receivePublicReport } from './features/intelligence/index.js';
import { createReports } from './features/reports/reports.js';
import { loadDemoData, type DemoCredentials } from './features/demo/demo-data.js';
import { buildLantern, serve, VERSION } from './main.js';

const HELP = `Lantern ${VERSION}: serious and organised crime, shared across a community safety partnership

Usage: lantern <command> [options]

Commands:
  serve [--demo]     Start Lantern (http://localhost:3000 unless PORT says otherwise).
                     --demo loads the demo partnership on first run and prints its sign-in details.
  demo               The same as serve --demo.
  migrate            Apply database migrations, then exit.
  demo-data          Load the demo partnership (if not loaded yet), print its sign-in details, exit.
  create-user        Create a partner user and print their one-time password:
                       --email EMAIL --name "FULL NAME" --agency CODE --role ROLE [--role ROLE ...]
                       To create the agency too (e.g. for the first administrator), add
                       --agency-name "NAME" --organisation "ORGANISATION" --agency-kind KIND
  audit verify       Check the audit log's keyed chain and its latest signed checkpoint: exits 1
                     and lists every entry changed, removed, moved or rehashed, and any newest
                     entries deleted since the checkpoint.
  audit checkpoint   Write a signed checkpoint of the audit log now (a server also writes them).
${IMPORT_HELP}
  help               Show this help.

Roles: ${Object.keys(ROLES).join(', ')}
Agency kinds: ${AGENCY_KINDS.join(', ')}

Environment:
  PORT, HOST                 where to listen (3000, 127.0.0.1)
  LANTERN_DATA_DIR           the embedded database's folder (./data)
  DATABASE_URL               postgres://... to use a PostgreSQL server (15+) instead
  LANTERN_SECRET             signing secret, at least 32 characters (required in production)
  LANTERN_AUDIT_KEY, LANTERN_AUDIT_KEY_FILE
                             the audit chain's key, 32+ bytes as hex or base64 (required in production)
  LANTERN_AUDIT_CHECKPOINT_DIR, LANTERN_AUDIT_CHECKPOINT_EVERY, LANTERN_AUDIT_CHECKPOINT_SECONDS
                             where and how often checkpoints are written (see README)
  PARTNERSHIP_NAME           the name shown in the header
  QUICK_EXIT_URL             where "Exit this page" goes
  LOG_LEVEL                  fatal, error, warn, info, debug, trace or silent
  REPORT_FORMS_PER_CLIENT_PER_HOUR, REPORTS_PER_HOUR, RECEIPT_CHECKS_PER_CLIENT_PER_HOUR,
  RECEIPT_CHECKS_PER_HOUR, UPLOAD_MAX_BYTES, UPLOAD_BYTES_PER_DAY
                             anonymous report limits (see README)
`;

class UsageError extends Error {}

function printCredentials(credentials: DemoCredentials[] | null, out: (line: string) => void): void {
  if (!credentials) {
    out('Demo data is already loaded; its sign-in details were printed when it was first loaded.');
    return;
  }
  out('Demo partnership loaded. These sign-in details are shown once only:');
  out('Each is enrolled in TOTP: add the secret to an authenticator app to get sign-in codes.');
  for (const c of credentials) {
    out(`  ${c.role.padEnd(38)} ${c.email.padEnd(40)} password ${c.password}  TOTP secret ${c.totpSecret}`);
  }
}

/** Opens and migrates the database; after work that may write audit entries, records a checkpoint. */
async function withDatabase<T>(
  config: Config,
  work: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
  { checkpoint = true } = {},
) {
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    const result = await work(database);
    if (checkpoint) await checkpointIfMoved(database.db, config.audit);
    return result;
  } finally {
    await database.close();
  }
}

export async function runCli(
  argv: string[],
  out = (line: string) => console.log(line),
  environment: Record<string, string | undefined> = process.env,
): Promise<number> {
  const [command = 'help', ...rest] = argv;
  if (command === 'import') {
    const config = loadConfig(environment);
    useAuditKey(config.audit.key);
    return importCommand(rest, config);
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      demo: { type: 'boolean', default: false },
      email: { type: 'string' },
      name: { type: 'string' },
      agency: { type: 'string' },
      role: { type: 'string', multiple: true },
      'agency-name': { type: 'string' },
      organisation: { type: 'string' },
      'agency-kind': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length && !(command === 'audit' && positionals.length === 1)) {
    throw new UsageError(`Unexpected "${positionals.join(' ')}". Run lantern help to see the commands.`);
  }
  if (values.help || command === 'help' || command === '--help' || command === '-h') {
    out(HELP);
    return 0;
  }
  const config = loadConfig(environment);
  useAuditKey(config.audit.key);
  switch (command) {
    case 'serve':
    case 'demo': {
      if (config.audit.keySource === 'development') {
        out(
          'Audit key: the published development key, so anyone can recompute the audit chain. ' +
            'Set LANTERN_AUDIT_KEY or LANTERN_AUDIT_KEY_FILE before real data.',
        );
      }
      const lantern = await buildLantern(config);
      if (values.demo || command === 'demo' || config.demo) {
        printCredentials(
          await loadDemoData(lantern.database, lantern.services.accounts, lantern.services.reports),
          out,
        );
      }
      const running = await serve(lantern);
      out(`Lantern is running at ${running.url} (public site) and ${running.url}/partner (partners).`);
      out(
        `Database: ${config.database.kind === 'pglite' ? `embedded, in ${config.database.dataDir}` : 'PostgreSQL server'}. Stop with Ctrl+C.`,
      );
      return -1; // keep running
    }
    case 'migrate':
      await withDatabase(config, () => Promise.resolve());
      out('Database is up to date.');
      return 0;
    case 'demo-data':
      await withDatabase(config, async (database) =>
        printCredentials(
          await loadDemoData(
            database,
            createAccounts(database),
            createReports(database, config.secret, config.reports, receivePublicReport),
          ),
          out,
        ),
      );
      return 0;
    case 'create-user': {
      const { email, name, agency } = values;
      const roles = values.role ?? [];
      if (!email || !name || !agency || roles.length === 0) {
        throw new UsageError(
          'create-user needs --email, --name, --agency and at least one --role (see lantern help)',
        );
      }
      const badRole = roles.find((r) => !isRole(r));
      if (badRole) throw new UsageError(`Unknown role "${badRole}". Roles: ${Object.keys(ROLES).join(', ')}`);
      const kind = values['agency-kind'];
      if (kind !== undefined && !(AGENCY_KINDS as readonly string[]).includes(kind)) {
        throw new UsageError(`Unknown agency kind "${kind}". Kinds: ${AGENCY_KINDS.join(', ')}`);
      }
      const password = await withDatabase(config, (database) =>
        database.transaction(async (tx) => {
          const accounts = createAccounts(database);
          if (!(await accounts.agencyByCode(agency, tx))) {
            if (!values['agency-name'] || !values.organisation || !kind) {
              throw new UsageError(
                `No agency has the code ${agency}. To create it, add --agency-name, --organisation and --agency-kind`,
              );
            }
            await accounts.createAgency(
              {
                code: agency,
                name: values['agency-name'],
                organisation: values.organisation,
                kind: kind as AgencyKind,
              },
              tx,
            );
          }
          const created = await accounts.createUser(
            { email, displayName: name, agencyCode: agency, roles: roles.filter(isRole) },
            tx,
          );
          return created.password;
        }),
      );
      out(`Created ${email.toLowerCase()}. One-time password (shown once): ${password}`);
      return 0;
    }
    case 'audit':
      return auditCommand(positionals[0], config, out);
    default:
      throw new UsageError(`Unknown command "${command}". Run lantern help to see the commands.`);
  }
}

async function auditCommand(subcommand: string | undefined, config: Config, out: (line: string) => void) {
  if (subcommand === 'checkpoint') {
    const written = await withDatabase(config, (database) => checkpointIfMoved(database.db, config.audit), {
      checkpoint: false,
    });
    out(
      written
        ? `Checkpoint written to ${config.audit.checkpointDir}: ${written.entries} entries up to entry ${written.headSeq}.`
        : 'The latest checkpoint already records the newest entry.',
    );
    return 0;
  }
  if (subcommand !== 'verify') throw new UsageError('Did you mean: lantern audit verify');
  // Verifying must not write a checkpoint: that would vouch for whatever it had just found.
  const report = await withDatabase(
    config,
    (database) => verifyAuditLog(database.db, config.audit.key, config.audit.checkpointDir),
    { checkpoint: false },
  );
  for (const p of report.problems) out(`Entry ${p.seq} ${p.problem}`);
  for (const problem of report.checkpointProblems) out(problem);
  const count = report.problems.length + report.checkpointProblems.length;
  if (config.audit.keySource === 'development') {
    out('Checked with the published development audit key: this proves nothing about real data.');
  }
  if (report.keyedFromSeq > 1) {
    out(`Entries 1 to ${report.keyedFromSeq - 1} were written before the keyed chain, with plain SHA-256.`);
  }
  if (count) {
    out(`The audit log has been tampered with: ${count} problem(s) in ${report.entries} entries.`);
    return 1;
  }
  out(
    `The audit log is intact: ${report.entries} entries, each chained to the one before with the audit key.`,
  );
  if (report.checkpoint) {
    const c = report.checkpoint;
    out(`It matches the latest checkpoint (${c.at}: ${c.entries} entries up to entry ${c.headSeq}).`);
  }
  return 0;
}

/**
 * Entry point: one line per error, never a stack trace for the user's mistakes. One-shot commands
 * exit explicitly: PGlite on a data directory can leave the event loop waiting after close.
 */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const code = await runCommand(argv);
  if (code >= 0) process.stdout.write('', () => process.exit(code));
}

/**
 * The command's exit code, its errors as one line on `err`: what the process does, without
 * exiting (tests run commands in-process this way).
 */
export async function runCommand(
  argv: string[],
  out = (line: string) => console.log(line),
  err = (line: string) => console.error(line),
  environment: Record<string, string | undefined> = process.env,
): Promise<number> {
  try {
    return await runCli(argv, out, environment);
  } catch (error) {
    const usage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
    const known =
      usage ||
      error instanceof ConfigError ||
      error instanceof AccountError ||
      error instanceof DataDirInUseError;
    err(`lantern: ${known ? (error as Error).message : `failed: ${(error as Error).message}`}`);
    return usage ? 2 : 1;
  }
}
