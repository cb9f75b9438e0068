import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  gradeLabel,
  gradeMeaning,
  inboxRank,
  legacyGradeLabel,
  parseGrade,
  parseLegacyGrade,
} from './grading.js';

describe('3x5x2 grading', () => {
  it('reads a grade however it is written, and writes it one way', () => {
    for (const text of ['2/B/P', '2BP', '2 b p', ' 2/b/p ']) {
      const grade = parseGrade(text);
      assert.ok(grade, text);
      assert.equal(gradeLabel(grade), '2/B/P');
    }
    assert.deepEqual(gradeMeaning({ sourceEvaluation: '2', informationAssessment: 'B', handling: 'P' }), [
      'Source: Untested',
      'Information: Known indirectly to the source but corroborated',
      'Handling: Lawful sharing permitted',
    ]);
  });

  it('refuses what is not a 3x5x2 grade, including a 5x5x5 one', () => {
    for (const text of ['4/B/P', '2/F/P', '2/B/X', 'B2/4', '', '2/B'])
      assert.equal(parseGrade(text), null, text);
  });

  it('keeps a legacy 5x5x5 grade as it was, labelled so nobody takes it for 3x5x2', () => {
    const legacy = parseLegacyGrade('B2/4');
    assert.ok(legacy);
    assert.equal(legacyGradeLabel(legacy), '5x5x5 B/2/4');
    assert.equal(parseLegacyGrade('2/B/P'), null);
    assert.equal(parseLegacyGrade('F2/4'), null);
  });

  it('puts vulnerable items first, then ungraded, then the longest waiting', () => {
    const items = [
      { id: 'graded-old', vulnerabilities: [], graded: true, receivedAt: new Date('2026-01-01') },
      { id: 'new-late', vulnerabilities: [], graded: false, receivedAt: new Date('2026-03-01') },
      { id: 'child', vulnerabilities: ['child-at-risk'], graded: true, receivedAt: new Date('2026-05-01') },
      { id: 'new-early', vulnerabilities: [], graded: false, receivedAt: new Date('2026-02-01') },
    ];
    const sorted = [...items].sort((a, b) => {
      const [x, y] = [inboxRank(a), inboxRank(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
    assert.deepEqual(
      sorted.map((i) => i.id),
      ['child', 'new-early', 'new-late', 'graded-old'],
    );
  });
});
