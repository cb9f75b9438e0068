/**
 * Harm scoring as versioned, explainable models (pure: no database). A model is reference data:
 * its dimensions (what each point of the scale means, and the weight), and its bands. Practice
 * differs between forces (OCG mapping, MoRiLE-style matrices), so nothing here knows any one
 * model: the default ships as data (default-scoring-model.ts) and partners can add others.
 *
 * The total is the sum of score × weight over the dimensions, and the band is the first band (they
 * are ordered from highest harm down) whose minimum the total reaches. Weights and scores are whole
 * numbers, so totals are exact and the same answers always give the same score and band.
 */
import { z } from 'zod';

const KEY = /^[a-z0-9-]{2,60}$/;

const pointSchema = z.strictObject({
  value: z.int('Each point of a scale needs a whole-number value'),
  meaning: z.string().trim().min(1, 'Each point of a scale needs a meaning').max(500),
});

const dimensionSchema = z
  .strictObject({
    key: z.string().regex(KEY, 'A dimension key is 2 to 60 lower-case letters, digits or hyphens'),
    label: z.string().trim().min(1, 'Each dimension needs a label').max(100),
    description: z.string().trim().min(1, 'Each dimension needs a description').max(1000),
    scale: z.strictObject({
      min: z.int('A scale’s min must be a whole number').min(0).max(100),
      max: z.int('A scale’s max must be a whole number').min(1).max(100),
      points: z.array(pointSchema).min(2, 'A scale needs a meaning for at least two points'),
    }),
    weight: z.int('A weight must be a whole number').min(0, 'A weight cannot be negative').max(100),
  })
  .superRefine((dimension, ctx) => {
    const { min, max, points } = dimension.scale;
    if (max <= min) {
      ctx.addIssue({ code: 'custom', message: `“${dimension.key}”: the scale’s max must be above its min` });
      return;
    }
    const values = points.map((p) => p.value).sort((a, b) => a - b);
    const expected = Array.from({ length: max - min + 1 }, (_, i) => min + i);
    if (values.join(',') !== expected.join(',')) {
      ctx.addIssue({
        code: 'custom',
        message: `“${dimension.key}”: give one meaning for each point from ${min} to ${max}, once each`,
      });
    }
  });

const bandSchema = z.strictObject({
  label: z.string().trim().min(1, 'Each band needs a label').max(100),
  /** The lowest total in this band. */
  minimum: z.number('Each band needs a minimum total'),
  description: z.string().trim().max(1000).optional(),
});

/** The shape of a scoring model's definition (the `definition` column of scoring_model). */
export const scoringDefinitionSchema = z
  .strictObject({
    dimensions: z.array(dimensionSchema).min(1, 'A model needs at least one dimension').max(20),
    bands: z.array(bandSchema).min(1, 'A model needs at least one band').max(10),
  })
  .superRefine((definition, ctx) => {
    const keys = definition.dimensions.map((d) => d.key);
    const repeated = keys.filter((key, i) => keys.indexOf(key) !== i);
    if (repeated.length) {
      ctx.addIssue({ code: 'custom', message: `Dimension keys must differ: “${repeated[0]}” is repeated` });
    }
    if (!definition.dimensions.some((d) => d.weight > 0)) {
      ctx.addIssue({ code: 'custom', message: 'At least one dimension needs a weight above 0' });
    }
    const labels = definition.bands.map((b) => b.label);
    if (new Set(labels).size !== labels.length) {
      ctx.addIssue({ code: 'custom', message: 'Band labels must differ' });
    }
    const minimums = definition.bands.map((b) => b.minimum);
    for (let i = 1; i < minimums.length; i++) {
      if ((minimums[i] ?? 0) >= (minimums[i - 1] ?? 0)) {
        ctx.addIssue({
          code: 'custom',
          message: 'List the bands from the highest harm down, each minimum lower than the one before',
        });
        break;
      }
    }
    const lowest = definition.dimensions.reduce((sum, d) => sum + d.scale.min * d.weight, 0);
    const last = definition.bands[definition.bands.length - 1];
    if (last && last.minimum > lowest) {
      ctx.addIssue({
        code: 'custom',
        message: `The last band’s minimum must be at most ${lowest}, the lowest possible total, so every total has a band`,
      });
    }
  });

export type ScoringDefinition = z.infer<typeof scoringDefinitionSchema>;
export type ScoringBand = ScoringDefinition['bands'][number];

/** A whole model as stored: its identity and its definition. */
export interface ScoringModel {
  id: string;
  key: string;
  version: number;
  name: string;
  description: string;
  definition: ScoringDefinition;
}

/** One dimension's score as an assessment stores it (`ocg_assessment.scores`). */
export interface DimensionScore {
  dimension: string;
  score: number;
  rationale: string;
}

/**
 * Checks a definition given as JSON text (the "add a model" page). Messages name the place of
 * each problem in words, so a coordinator can find it in what they pasted.
 */
export function parseDefinition(
  text: string,
): { ok: true; definition: ScoringDefinition } | { ok: false; errors: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['The definition must be valid JSON: check brackets, commas and quotes'] };
  }
  const parsed = scoringDefinitionSchema.safeParse(raw);
  if (parsed.success) return { ok: true, definition: parsed.data };
  const errors = parsed.error.issues.map((issue) => {
    const where = issue.path.length ? ` (at ${issue.path.join('.')})` : '';
    return `${issue.message}${where}`;
  });
  return { ok: false, errors: [...new Set(errors)] };
}

/** The band of a total: the first (highest) whose minimum it reaches. */
export function bandOf(definition: ScoringDefinition, total: number): ScoringBand {
  const band =
    definition.bands.find((b) => total >= b.minimum) ?? definition.bands[definition.bands.length - 1];
  // The schema guarantees at least one band and that the last covers the lowest total.
  if (!band) throw new Error('A scoring model without bands');
  return band;
}

/** The highest and lowest totals the model can give. */
export function totalRange(definition: ScoringDefinition): { minimum: number; maximum: number } {
  return {
    minimum: definition.dimensions.reduce((sum, d) => sum + d.scale.min * d.weight, 0),
    maximum: definition.dimensions.reduce((sum, d) => sum + d.scale.max * d.weight, 0),
  };
}

export type ScoreResult =
  | { ok: true; total: number; band: string; scores: DimensionScore[] }
  /** Errors by dimension key: `score` or `rationale`. */
  | { ok: false; errors: { dimension: string; field: 'score' | 'rationale'; message: string }[] };

/**
 * Scores an assessment. Every dimension of the model needs a whole-number score within its scale
 * and a rationale; scores for dimensions the model does not have are refused. The scores are
 * returned in the model's order, as they are stored.
 */
export function scoreAssessment(
  definition: ScoringDefinition,
  given: readonly { dimension: string; score: unknown; rationale: unknown }[],
): ScoreResult {
  const errors: Extract<ScoreResult, { ok: false }>['errors'] = [];
  const byKey = new Map(given.map((g) => [g.dimension, g]));
  for (const g of given) {
    if (!definition.dimensions.some((d) => d.key === g.dimension)) {
      errors.push({ dimension: g.dimension, field: 'score', message: `This model has no “${g.dimension}”` });
    }
  }
  const scores: DimensionScore[] = [];
  for (const dimension of definition.dimensions) {
    const answer = byKey.get(dimension.key);
    const score = typeof answer?.score === 'string' ? Number(answer.score) : answer?.score;
    const { min, max } = dimension.scale;
    if (typeof score !== 'number' || !Number.isInteger(score) || score < min || score > max) {
      errors.push({
        dimension: dimension.key,
        field: 'score',
        message: `Choose a score from ${min} to ${max} for ${dimension.label.toLowerCase()}`,
      });
    }
    const rationale = typeof answer?.rationale === 'string' ? answer.rationale.trim() : '';
    if (!rationale) {
      errors.push({
        dimension: dimension.key,
        field: 'rationale',
        message: `Explain the score for ${dimension.label.toLowerCase()}`,
      });
    } else if (rationale.length > 2000) {
      errors.push({
        dimension: dimension.key,
        field: 'rationale',
        message: `The rationale for ${dimension.label.toLowerCase()} must be 2,000 characters or fewer`,
      });
    }
    if (typeof score === 'number') scores.push({ dimension: dimension.key, score, rationale });
  }
  if (errors.length) return { ok: false, errors };
  const total = totalOf(definition, scores);
  return { ok: true, total, band: bandOf(definition, total).label, scores };
}

function totalOf(definition: ScoringDefinition, scores: readonly DimensionScore[]): number {
  return definition.dimensions.reduce((sum, d) => {
    const score = scores.find((s) => s.dimension === d.key)?.score ?? 0;
    return sum + score * d.weight;
  }, 0);
}

export interface ExplanationLine {
  dimension: string;
  label: string;
  score: number | null;
  /** What the score means on this dimension's scale. */
  meaning: string;
  scale: string;
  weight: number;
  contribution: number;
  rationale: string;
}

export interface Explanation {
  lines: ExplanationLine[];
  total: number;
  band: string;
  range: { minimum: number; maximum: number };
  /** Each band with the totals it covers, and whether this score falls in it. */
  bands: { label: string; from: number; to: number | null; description?: string; current: boolean }[];
}

/** "Why this score": each dimension's score, weight, contribution and rationale; the bands. */
export function explainScore(definition: ScoringDefinition, scores: readonly DimensionScore[]): Explanation {
  const total = totalOf(definition, scores);
  const band = bandOf(definition, total);
  const range = totalRange(definition);
  const lines = definition.dimensions.map((d) => {
    const given = scores.find((s) => s.dimension === d.key);
    const score = given?.score ?? null;
    return {
      dimension: d.key,
      label: d.label,
      score,
      meaning: d.scale.points.find((p) => p.value === score)?.meaning ?? 'Not scored',
      scale: `${d.scale.min} to ${d.scale.max}`,
      weight: d.weight,
      contribution: (score ?? 0) * d.weight,
      rationale: given?.rationale ?? '',
    };
  });
  const bands = definition.bands.map((b, i) => {
    const above = definition.bands[i - 1];
    // Totals are whole numbers: a band runs up to one below the next band's minimum.
    const to = above ? Math.min(range.maximum, Math.ceil(above.minimum) - 1) : range.maximum;
    return {
      label: b.label,
      from: Math.max(range.minimum, b.minimum),
      to,
      ...(b.description ? { description: b.description } : {}),
      current: b.label === band.label,
    };
  });
  return { lines, total, band: band.label, range, bands };
}

/** Position of a band in its model, 0 for the highest harm; bands the model lacks go last. */
export function bandRank(definition: ScoringDefinition, band: string): number {
  const index = definition.bands.findIndex((b) => b.label === band);
  return index === -1 ? definition.bands.length : index;
}

export type Trend = 'new' | 'up' | 'down' | 'same' | 'not-comparable';

/**
 * The trend since the previous assessment. Totals are comparable only within one model version
 * (another model has other scales and weights): between versions the band's position decides,
 * and between different models nothing does.
 */
export function trendOf(
  latest: { modelKey: string; modelId: string; total: number; bandRank: number },
  previous: { modelKey: string; modelId: string; total: number; bandRank: number } | undefined,
): Trend {
  if (!previous) return 'new';
  if (latest.modelId === previous.modelId) {
    return latest.total > previous.total ? 'up' : latest.total < previous.total ? 'down' : 'same';
  }
  if (latest.modelKey !== previous.modelKey) return 'not-comparable';
  // A lower rank is a higher-harm band.
  return latest.bandRank < previous.bandRank ? 'up' : latest.bandRank > previous.bandRank ? 'down' : 'same';
}

export const TREND_TEXT: Record<Trend, string> = {
  new: 'New: first assessment',
  up: 'Up since the last assessment',
  down: 'Down since the last assessment',
  same: 'Same as the last assessment',
  'not-comparable': 'Re-scored with another model',
};
