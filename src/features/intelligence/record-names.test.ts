import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRecordNames } from '../audit/record-names.js';
import { registerIntelligenceNames } from './record-names.js';

describe('intelligence in the audit pages', () => {
  it('labels every intelligence record type the log names, instead of showing its code', () => {
    const names = createRecordNames();
    registerIntelligenceNames(names);
    assert.equal(names.labelOf('entity'), 'Person, business, place or thing');
    assert.equal(names.labelOf('intelligence-item'), 'Intelligence item');
    assert.equal(names.labelOf('intelligence-original'), 'Original words of an intelligence item');
    assert.equal(names.labelOf('link'), 'Link');
    assert.equal(names.labelOf('involvement'), 'Involvement in an intelligence item');
    assert.equal(names.labelOf('search-results'), 'Search results');
  });
});
