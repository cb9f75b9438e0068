/**
 * npm run bench:audit — how many audited requests a second the s62 log lets through.
 *
 * Every audited request writes one audit entry in its own transaction. This runs many concurrent
 * "audited reads" (a small read, then the one entry, in one transaction) against a fresh
 * PostgreSQL database for a fixed time, and prints the entries committed per second and the p95
 * time of a transaction, then verifies the chain.
 *
 * PostgreSQL only (PGlite has one connection, so it has no concurrency to measure):
 * BENCH_DATABASE_URL, or postgres://lantern@127.0.0.1:54340/postgres; a database is created for
 * the run and dropped after.
 *
 *   options: --workers 50, --connections 20, --seconds 10
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate } from '../src/db/migrate.js';
import { openPostgres } from '../src/db/postgres.js';
import { auditKey } from '../src/features/audit/audit-key.js';
import { writeAuditEntry, type AuditContext } from '../src/features/audit/audit-log.js';
import { verifyAuditChain } from '../src/features/audit/audit-verify.js';

const { values: args } = parseArgs({
  options: {
    workers: { type: 'string', default: '50' },
    connections: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
  },
});
const WORKERS = Number(args.workers);
const CONNECTIONS = Number(args.connections);
const SECONDS = Number(args.seconds);
// A script, not Lantern: like the test harness, it reads its one setting itself.
const SERVER_URL = process.env.BENCH_DATABASE_URL || 'postgres://lantern@127.0.0.1:54340/postgres';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const name = `lantern_bench_audit_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`); // our own name: hex only
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres({ url: url.toString(), maxConnections: CONNECTIONS });
  try {
    await migrate(database);
    const context = (): AuditContext => ({
      actor: { kind: 'system', name: 'bench' },
      requestId: null,
      purpose: null,
      justification: null,
      written: 0,
    });
    const times: number[] = [];
    const deadline = performance.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          await database.transaction(async (tx) => {
            await tx.selectFrom('agency').select('id').limit(1).execute();
            await writeAuditEntry(tx, context(), { action: 'consultation', event: 'bench.read' });
          });
          times.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    console.log(
      `audited reads: ${WORKERS} concurrent over ${CONNECTIONS} connections for ${elapsed.toFixed(1)} s: ` +
        `${times.length} entries, ${(times.length / elapsed).toFixed(0)} a second, ` +
        `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
    );
    const verified = await verifyAuditChain(database.db, auditKey());
    console.log(`verify: ${verified.entries} entries, ${verified.problems.length} problem(s)`);
    if (verified.problems.length) process.exitCode = 1;
  } finally {
    await database.close();
    await admin.query(`drop database ${name}`);
    await admin.end();
  }
}

await main();
