/** How the inbox pages word grades, dates and excerpts. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateParts, dayText, excerpt, gradeOf } from './present.js';

const ungraded = {
  source_evaluation: null,
  information_assessment: null,
  handling_code: 'C',
  legacy_source_evaluation: null,
  legacy_intelligence_assessment: null,
  legacy_handling: null,
};

describe('inbox presenters', () => {
  it('words a 3x5x2 grade with its meaning', () => {
    const grade = gradeOf({
      ...ungraded,
      source_evaluation: '2',
      information_assessment: 'B',
      handling_code: 'P',
    });
    assert.equal(grade.label, '2/B/P');
    assert.deepEqual(grade.meaning, [
      'Source: Untested',
      'Information: Known indirectly to the source but corroborated',
      'Handling: Lawful sharing permitted',
    ]);
  });

  it('shows a legacy 5x5x5 grade as such, never converted', () => {
    const grade = gradeOf({
      ...ungraded,
      legacy_source_evaluation: 'B',
      legacy_intelligence_assessment: '2',
      legacy_handling: '4',
    });
    assert.equal(grade.label, '5x5x5 B/2/4');
    assert.equal(grade.meaning[0], 'Source: Mostly reliable');
    assert.ok(grade.graded);
  });

  it('says "Not graded" when there is no grade', () => {
    assert.deepEqual(gradeOf(ungraded), { label: 'Not graded', meaning: [], graded: false });
  });

  it('cuts an excerpt at a word, and marks that it was cut', () => {
    const words = 'word '.repeat(60).trim();
    const cut = excerpt(words, words.length, 40);
    assert.ok(cut.endsWith('…'));
    assert.ok(cut.length <= 41);
    assert.equal(excerpt('Short\n\ntext', 11), 'Short text');
  });

  it('formats dates, and splits one for the date input', () => {
    assert.equal(dayText('2027-06-01'), '1 June 2027');
    assert.equal(dayText(null), null);
    assert.deepEqual(dateParts('reviewOn', '2027-06-01'), {
      'reviewOn-day': '1',
      'reviewOn-month': '6',
      'reviewOn-year': '2027',
    });
    assert.deepEqual(dateParts('reviewOn', null), {
      'reviewOn-day': '',
      'reviewOn-month': '',
      'reviewOn-year': '',
    });
  });
});
