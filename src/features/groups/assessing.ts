/**
 * Scoring an OCG against a harm model, and keeping the models. Plain functions of the command's
 * transaction (and viewer); service.ts runs each as one audited or recorded command.
 */
import type { Tx } from '../../db/database.js';
import type { Viewer } from '../access/policy.js';
import { done, notFound, refused, type Recorded } from '../../web/commands.js';
import type { AssessAnswers, NewModelAnswers } from './forms.js';
import { heading, ocgFor, type OcgHeading } from './ocg-access.js';
import {
  assessmentsOf,
  insertAssessment,
  insertModel,
  listModels,
  loadModel,
  setDefaultModel,
  type Assessment,
  type StoredModel,
} from './scoring-queries.js';
import { scoreAssessment, type ScoringDefinition } from './scoring.js';

/** The assessment form for one model (the default unless chosen): a consultation of the OCG. */
export async function assessForm(
  tx: Tx,
  viewer: Viewer,
  id: string,
  modelId: string | undefined,
): Promise<
  Recorded<{ ocg: OcgHeading; model: StoredModel; models: StoredModel[]; latest: Assessment | undefined }>
> {
  const ocg = await ocgFor(tx, viewer, id, 'create', 'ocg-assessment');
  if (!ocg) return { outcome: notFound };
  const models = await listModels(tx);
  const [latest] = await assessmentsOf(tx, [id]);
  const model = models.find((m) => m.id === modelId) ?? models.find((m) => m.isDefault) ?? models[0];
  if (!model) return { outcome: notFound };
  return {
    outcome: done({ ocg: heading(ocg), model, models, latest }),
    entry: {
      action: 'consultation',
      recordType: 'ocg',
      recordIds: [id],
      detail: { purpose: 'assessing' },
    },
  };
}

/** Scores the OCG with a model; the total and band are computed here. History is kept. */
export async function assess(
  tx: Tx,
  viewer: Viewer,
  id: string,
  answers: AssessAnswers,
): Promise<Recorded<{ ocg: OcgHeading; total: number; band: string }>> {
  const ocg = await ocgFor(tx, viewer, id, 'create', 'ocg-assessment');
  if (!ocg) return { outcome: notFound };
  const model = await loadModel(tx, answers.model);
  if (!model) return { outcome: refused({ model: 'Choose a scoring model' }) };
  const known = new Set(model.definition.dimensions.map((d) => d.key));
  const strays = Object.keys(answers).filter(
    (field) => /^(score|rationale)-/.test(field) && !known.has(field.replace(/^(score|rationale)-/, '')),
  );
  if (strays.length) {
    return {
      outcome: refused({
        model: `This model has no ${strays.map((f) => `“${f}”`).join(', ')}: start again`,
      }),
    };
  }
  const given = model.definition.dimensions.map((d) => ({
    dimension: d.key,
    score: answers[`score-${d.key}`],
    rationale: answers[`rationale-${d.key}`],
  }));
  const result = scoreAssessment(model.definition, given);
  if (!result.ok) {
    return {
      outcome: refused(
        Object.fromEntries(result.errors.map((e) => [`${e.field}-${e.dimension}`, e.message])),
      ),
    };
  }
  const assessmentId = await insertAssessment(tx, {
    ocgId: id,
    modelId: model.id,
    scores: result.scores,
    unknowns: answers.unknowns,
    total: result.total,
    band: result.band,
    assessedBy: viewer.userId,
  });
  return {
    outcome: done({ ocg: heading(ocg), total: result.total, band: result.band }),
    entry: {
      action: 'collection',
      recordType: 'ocg-assessment',
      recordIds: [assessmentId, id],
      detail: { model: model.id, total: result.total, band: result.band },
    },
  };
}

/** Adds a scoring model (a new version of its key), the default if asked: a security entry. */
export async function addModel(
  tx: Tx,
  userId: string,
  answers: NewModelAnswers,
  definition: ScoringDefinition,
): Promise<Recorded<{ id: string; version: number }>> {
  const added = await insertModel(tx, {
    key: answers.key,
    name: answers.name,
    description: answers.description,
    definition,
    createdBy: userId,
  });
  if (answers.makeDefault === 'yes') await setDefaultModel(tx, added.id);
  return {
    outcome: done(added),
    entry: {
      action: 'security',
      recordType: 'scoring-model',
      recordIds: [added.id],
      detail: { key: answers.key, version: added.version, madeDefault: answers.makeDefault === 'yes' },
    },
  };
}

/** Makes a model the one new assessments start from: a security entry. */
export async function makeDefault(tx: Tx, id: string): Promise<Recorded<StoredModel>> {
  const model = await loadModel(tx, id);
  if (!model) return { outcome: notFound };
  await setDefaultModel(tx, id);
  return {
    outcome: done(model),
    entry: { action: 'security', recordType: 'scoring-model', recordIds: [id] },
  };
}
