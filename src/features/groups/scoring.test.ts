/** Harm scoring models: the definition's shape, totals, bands, "why this score" and trends. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SCORING_MODEL } from './default-scoring-model.js';
import {
  bandOf,
  bandRank,
  explainScore,
  parseDefinition,
  scoreAssessment,
  scoringDefinitionSchema,
  totalRange,
  trendOf,
  type ScoringDefinition,
} from './scoring.js';

const model = DEFAULT_SCORING_MODEL.definition;

const answers = (scores: Record<string, number>) =>
  Object.entries(scores).map(([dimension, score]) => ({
    dimension,
    score,
    rationale: `Because ${dimension}`,
  }));

describe('harm scoring models', () => {
  it('the default model is a valid definition, with totals 9 to 45 and bands A to D', () => {
    assert.ok(scoringDefinitionSchema.safeParse(model).success);
    assert.deepEqual(totalRange(model), { minimum: 9, maximum: 45 });
    assert.deepEqual(
      model.bands.map((b) => b.label),
      ['Band A (highest harm)', 'Band B', 'Band C', 'Band D (lowest harm)'],
    );
  });

  it('totals score × weight and bands the total by the highest band it reaches', () => {
    const result = scoreAssessment(
      model,
      answers({ harm: 5, threat: 5, 'capability-intent': 4, vulnerability: 4, confidence: 3 }),
    );
    assert.ok(result.ok);
    // 5×3 + 5×2 + 4×2 + 4×2 + 3×0 = 41
    assert.equal(result.total, 41);
    assert.equal(result.band, 'Band A (highest harm)');
    assert.deepEqual(
      result.scores.map((s) => s.dimension),
      ['harm', 'threat', 'capability-intent', 'vulnerability', 'confidence'],
    );
    const lowest = scoreAssessment(
      model,
      answers({ harm: 1, threat: 1, 'capability-intent': 1, vulnerability: 1, confidence: 1 }),
    );
    assert.ok(lowest.ok);
    assert.equal(lowest.total, 9);
    assert.equal(lowest.band, 'Band D (lowest harm)');
  });

  it('puts a total exactly on a threshold in the band above', () => {
    assert.equal(bandOf(model, 34).label, 'Band A (highest harm)');
    assert.equal(bandOf(model, 33).label, 'Band B');
    assert.equal(bandOf(model, 26).label, 'Band B');
    assert.equal(bandOf(model, 25).label, 'Band C');
    assert.equal(bandOf(model, 17).label, 'Band D (lowest harm)');
  });

  it('is deterministic: the same answers in any order give the same result', () => {
    const given = answers({ harm: 3, threat: 4, 'capability-intent': 2, vulnerability: 5, confidence: 2 });
    const first = scoreAssessment(model, given);
    const reversed = scoreAssessment(model, [...given].reverse());
    assert.deepEqual(first, reversed);
  });

  it('needs every dimension scored in range with a rationale', () => {
    const result = scoreAssessment(model, [
      { dimension: 'harm', score: 6, rationale: 'Too high' },
      { dimension: 'threat', score: 2.5, rationale: 'Half' },
      { dimension: 'capability-intent', score: 3, rationale: '   ' },
      { dimension: 'confidence', score: 3, rationale: 'Fine' },
      { dimension: 'made-up', score: 3, rationale: 'Not in the model' },
    ]);
    assert.ok(!result.ok);
    const errors = result.errors.map((e) => `${e.dimension}/${e.field}`).sort();
    assert.deepEqual(errors, [
      'capability-intent/rationale',
      'harm/score',
      'made-up/score',
      'threat/score',
      'vulnerability/rationale',
      'vulnerability/score',
    ]);
    assert.match(result.errors.find((e) => e.dimension === 'harm')!.message, /from 1 to 5 for harm/);
  });

  it('accepts scores as form strings', () => {
    const result = scoreAssessment(
      model,
      answers({ harm: 2, threat: 2, 'capability-intent': 2, vulnerability: 2, confidence: 2 }).map((a) => ({
        ...a,
        score: String(a.score),
      })),
    );
    assert.ok(result.ok);
    assert.equal(result.total, 18);
    assert.equal(result.band, 'Band C');
  });

  it('explains a score: each dimension’s meaning, weight, contribution and rationale, and the bands', () => {
    const scored = scoreAssessment(
      model,
      answers({ harm: 4, threat: 5, 'capability-intent': 3, vulnerability: 4, confidence: 4 }),
    );
    assert.ok(scored.ok);
    const why = explainScore(model, scored.scores);
    assert.equal(why.total, 12 + 10 + 6 + 8);
    assert.equal(why.band, 'Band A (highest harm)');
    const harm = why.lines[0]!;
    assert.equal(harm.label, 'Harm');
    assert.equal(harm.score, 4);
    assert.equal(harm.weight, 3);
    assert.equal(harm.contribution, 12);
    assert.match(harm.meaning, /^Serious/);
    assert.equal(harm.rationale, 'Because harm');
    assert.equal(why.lines.at(-1)!.contribution, 0, 'confidence weighs nothing');
    assert.deepEqual(
      why.bands.map((b) => [b.label, b.from, b.to, b.current]),
      [
        ['Band A (highest harm)', 34, 45, true],
        ['Band B', 26, 33, false],
        ['Band C', 18, 25, false],
        ['Band D (lowest harm)', 9, 17, false],
      ],
    );
    assert.equal(
      why.lines.reduce((sum, line) => sum + line.contribution, 0),
      why.total,
      'the contributions add up to the total',
    );
  });

  it('refuses bad definitions with messages that say where', () => {
    const bad = (change: (d: ScoringDefinition) => unknown) => {
      const copy: ScoringDefinition = structuredClone(model);
      const result = parseDefinition(JSON.stringify(change(copy) ?? copy));
      assert.ok(!result.ok);
      return result.errors;
    };
    assert.deepEqual(parseDefinition('{not json').ok, false);
    assert.match(parseDefinition('{not json').ok ? '' : 'valid JSON', /valid JSON/);
    assert.match(
      bad((d) => {
        d.dimensions[0]!.scale.points.pop();
      }).join(' '),
      /one meaning for each point from 1 to 5/,
    );
    assert.match(
      bad((d) => {
        d.bands.reverse();
      }).join(' '),
      /from the highest harm down/,
    );
    assert.match(
      bad((d) => {
        d.bands[d.bands.length - 1]!.minimum = 10;
      }).join(' '),
      /at most 9, the lowest possible total/,
    );
    assert.match(
      bad((d) => {
        d.dimensions[1]!.key = 'harm';
      }).join(' '),
      /“harm” is repeated/,
    );
    assert.match(
      bad((d) => {
        for (const dimension of d.dimensions) dimension.weight = 0;
      }).join(' '),
      /weight above 0/,
    );
    assert.match(bad(() => ({ dimensions: [], bands: [] })).join(' '), /at least one dimension/);
    assert.match(
      bad(() => ({ ...model, extra: 1 })).join(' '),
      /nrecognized|unknown/i,
      'unknown fields are refused',
    );
    assert.ok(parseDefinition(JSON.stringify(model)).ok);
  });

  it('gives the trend since the previous assessment', () => {
    const at = (total: number, band: string, modelId = 'm1', modelKey = 'k') => ({
      modelId,
      modelKey,
      total,
      bandRank: bandRank(model, band),
    });
    assert.equal(trendOf(at(30, 'Band B'), undefined), 'new');
    assert.equal(trendOf(at(36, 'Band A (highest harm)'), at(30, 'Band B')), 'up');
    assert.equal(trendOf(at(28, 'Band B'), at(30, 'Band B')), 'down');
    assert.equal(trendOf(at(30, 'Band B'), at(30, 'Band B')), 'same');
    // Another version of the same model: the band decides.
    assert.equal(trendOf(at(20, 'Band A (highest harm)', 'm2'), at(30, 'Band B')), 'up');
    assert.equal(trendOf(at(40, 'Band B', 'm2'), at(30, 'Band B')), 'same');
    // Another model altogether: not comparable.
    assert.equal(trendOf(at(40, 'Band B', 'm3', 'other'), at(30, 'Band B')), 'not-comparable');
    assert.equal(bandRank(model, 'No such band'), 4);
  });
});
