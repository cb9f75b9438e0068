/**
 * Seeds the starter tactics at start-up, after migrations. Each tactic's key is offered to a
 * database once and recorded in `tactic_seed`: a new Lantern version can add tactics, but one the
 * coordinator has edited, retired or deleted is never overwritten or brought back.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { SEED_TACTICS, type SeedTactic } from './seed-tactics.js';

const SEED_LOCK = 7215010; // any fixed number; 7215001 is the migration lock, 7215003 the public content

/** Inserts seed tactics this database has never been offered. Returns the keys offered now. */
export async function seedTactics(
  database: Database,
  tactics: readonly SeedTactic[] = SEED_TACTICS,
): Promise<string[]> {
  return database.transaction(async (tx) => {
    // Several servers may start at once: one seeds, the others then find nothing left to do.
    await sql`select pg_advisory_xact_lock(${sql.lit(SEED_LOCK)})`.execute(tx);
    const done = new Set((await tx.selectFrom('tactic_seed').select('key').execute()).map((r) => r.key));
    const offered = tactics.filter((tactic) => !done.has(tactic.key));
    if (offered.length === 0) return [];
    await tx
      .insertInto('tactic')
      .values(
        offered.map((t) => ({
          key: t.key,
          name: t.name,
          strand: t.strand,
          lifestyle_area: t.lifestyleArea,
          agency_kind: t.agencyKind,
          description: t.description,
          legal_basis: t.legalBasis,
          requirements: t.requirements,
          typical_impact: t.typicalImpact,
          who_can_help: t.whoCanHelp,
          suggested_for: t.suggestedFor,
          source: t.source,
          verified_on: t.verifiedOn,
        })),
      )
      // A partner may have added a tactic under the same key before the seed offered it: theirs stays.
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    await tx
      .insertInto('tactic_seed')
      .values(offered.map((t) => ({ key: t.key })))
      .execute();
    return offered.map((t) => t.key);
  });
}
