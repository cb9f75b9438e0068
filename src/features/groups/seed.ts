/**
 * Offers the default harm scoring model to the database once, at start-up after the migrations,
 * as the public content is seeded (public-site/content/seed.ts): the key is recorded in the same
 * ledger (`public_content_seed`), so a model a coordinator has since replaced as the default is
 * never made the default again. Published models cannot be changed or deleted (migration 0008).
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { DEFAULT_SCORING_MODEL } from './default-scoring-model.js';
import { scoringDefinitionSchema } from './scoring.js';

const SEED_LOCK = 7215009; // any fixed number; 7215001 is the migration lock, 7215003 public content

/** Inserts the default model if this database was never offered it. Returns the keys offered. */
export async function seedScoringModels(database: Database): Promise<string[]> {
  const model = DEFAULT_SCORING_MODEL;
  const seedKey = `scoring-model:${model.key}:${model.version}`;
  // The shipped data must pass the same check as a model a coordinator adds.
  const definition = scoringDefinitionSchema.parse(model.definition);
  return database.transaction(async (tx) => {
    await sql`select pg_advisory_xact_lock(${sql.lit(SEED_LOCK)})`.execute(tx);
    const offered = await tx
      .selectFrom('public_content_seed')
      .select('key')
      .where('key', '=', seedKey)
      .executeTakeFirst();
    if (offered) return [];
    const hasDefault = await tx
      .selectFrom('scoring_model')
      .select('id')
      .where('is_default', '=', true)
      .executeTakeFirst();
    await tx
      .insertInto('scoring_model')
      .values({
        key: model.key,
        version: model.version,
        name: model.name,
        description: model.description,
        definition: JSON.stringify(definition),
        is_default: !hasDefault,
        created_by: null,
      })
      .onConflict((oc) => oc.columns(['key', 'version']).doNothing())
      .execute();
    await tx.insertInto('public_content_seed').values({ key: seedKey }).execute();
    return [seedKey];
  });
}
