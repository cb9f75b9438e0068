/**
 * The OCG register's SQL for scoring: the scoring models (versioned per key, one the default) and
 * the assessments made with them. Assessments are read only for OCGs the caller has already
 * checked the viewer may see.
 */
import { sql } from 'kysely';
import type { Queryable, Tx } from '../../db/database.js';
import type { DimensionScore, ScoringDefinition, ScoringModel } from './scoring.js';

export interface StoredModel extends ScoringModel {
  isDefault: boolean;
  createdAt: Date;
}

const MODEL_COLUMNS = [
  'id',
  'key',
  'version',
  'name',
  'description',
  'definition',
  'is_default',
  'created_at',
] as const;

function asModel(row: {
  id: string;
  key: string;
  version: number;
  name: string;
  description: string;
  definition: unknown;
  is_default: boolean;
  created_at: Date;
}): StoredModel {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    description: row.description,
    // Checked by scoring.ts before it was stored, and never changed since (the 0008 trigger).
    definition: row.definition as ScoringDefinition,
    isDefault: row.is_default,
    createdAt: row.created_at,
  };
}

export async function listModels(q: Queryable): Promise<StoredModel[]> {
  const rows = await q
    .selectFrom('scoring_model')
    .select([...MODEL_COLUMNS])
    .orderBy('is_default', 'desc')
    .orderBy('key')
    .orderBy('version', 'desc')
    .execute();
  return rows.map(asModel);
}

export async function loadModel(q: Queryable, id: string): Promise<StoredModel | undefined> {
  const row = await q
    .selectFrom('scoring_model')
    .select([...MODEL_COLUMNS])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && asModel(row);
}

/** Adds a model as the next version of its key (version 1 for a new key). */
export async function insertModel(
  tx: Tx,
  model: { key: string; name: string; description: string; definition: ScoringDefinition; createdBy: string },
): Promise<{ id: string; version: number }> {
  // One version number at a time per key, even with two coordinators adding at once.
  await sql`select pg_advisory_xact_lock(hashtext(${`scoring-model:${model.key}`}))`.execute(tx);
  const latest = await tx
    .selectFrom('scoring_model')
    .select(sql<number>`coalesce(max(version), 0)`.as('v'))
    .where('key', '=', model.key)
    .executeTakeFirstOrThrow();
  const version = latest.v + 1;
  const row = await tx
    .insertInto('scoring_model')
    .values({
      key: model.key,
      version,
      name: model.name,
      description: model.description,
      definition: JSON.stringify(model.definition),
      created_by: model.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, version };
}

/** Makes one model the default (only `is_default` changes: the trigger allows that). */
export async function setDefaultModel(tx: Tx, id: string): Promise<void> {
  await tx.updateTable('scoring_model').set({ is_default: false }).where('is_default', '=', true).execute();
  await tx.updateTable('scoring_model').set({ is_default: true }).where('id', '=', id).execute();
}

export interface Assessment {
  id: string;
  ocgId: string;
  model: StoredModel;
  scores: DimensionScore[];
  unknowns: string | null;
  total: number;
  band: string;
  assessor: string;
  assessedAt: Date;
}

/** Assessments of these OCGs, newest first within each, with the model each was made with. */
export async function assessmentsOf(q: Queryable, ocgIds: readonly string[]): Promise<Assessment[]> {
  if (!ocgIds.length) return [];
  const rows = await q
    .selectFrom('ocg_assessment as a')
    .innerJoin('scoring_model as s', 's.id', 'a.scoring_model_id')
    .innerJoin('app_user as u', 'u.id', 'a.assessed_by')
    .select([
      'a.id',
      'a.ocg_id',
      'a.scores',
      'a.unknowns',
      'a.total',
      'a.band',
      'a.assessed_at',
      'u.display_name',
      's.id as model_id',
      's.key',
      's.version',
      's.name',
      's.description',
      's.definition',
      's.is_default',
      's.created_at',
    ])
    .where('a.ocg_id', 'in', [...ocgIds])
    .orderBy('a.ocg_id')
    .orderBy('a.assessed_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ocgId: r.ocg_id,
    model: asModel({ ...r, id: r.model_id }),
    scores: r.scores,
    unknowns: r.unknowns,
    total: r.total,
    band: r.band,
    assessor: r.display_name,
    assessedAt: r.assessed_at,
  }));
}

export async function insertAssessment(
  tx: Tx,
  assessment: {
    ocgId: string;
    modelId: string;
    scores: DimensionScore[];
    unknowns: string | null;
    total: number;
    band: string;
    assessedBy: string;
    assessedAt?: Date;
  },
): Promise<string> {
  const row = await tx
    .insertInto('ocg_assessment')
    .values({
      ocg_id: assessment.ocgId,
      scoring_model_id: assessment.modelId,
      scores: JSON.stringify(assessment.scores),
      unknowns: assessment.unknowns,
      total: assessment.total,
      band: assessment.band,
      assessed_by: assessment.assessedBy,
      ...(assessment.assessedAt ? { assessed_at: assessment.assessedAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.updateTable('ocg').set({ updated_at: new Date() }).where('id', '=', assessment.ocgId).execute();
  return row.id;
}
