/**
 * The message catalogue: every key a public template uses exists, placeholders are filled, and a
 * missing key fails loudly instead of showing a blank.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectPath } from '../../../paths.js';
import { SEED_CATEGORIES } from '../content/seed-categories.js';
import { SEED_CHANNELS } from '../content/seed-channels.js';
import { en } from './en.js';
import { interpolate, translator } from './index.js';

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return templates(full);
    return entry.name.endsWith('.njk') ? [full] : [];
  });
}

describe('public site messages', () => {
  it('has every key the public templates use', () => {
    const tr = translator('en');
    const files = templates(projectPath('src/features/public-site/views'));
    assert.ok(files.length >= 10);
    let keys = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\('([^']+)'/g)) {
        keys++;
        assert.doesNotThrow(() => tr.t(match[1] ?? ''), `${path.basename(file)}: t('${match[1]}')`);
      }
      for (const match of text.matchAll(/\btm\('([^']+)'/g)) {
        keys++;
        assert.ok(Array.isArray(tr.tm(match[1] ?? '')), `${path.basename(file)}: tm('${match[1]}')`);
      }
    }
    assert.ok(keys > 50, `found ${keys} keys`);
  });

  it('fills placeholders, and leaves an unfilled one visible', () => {
    const tr = translator();
    assert.equal(tr.t('common.localOnly', { area: 'Cornwall' }), 'Only for Cornwall');
    assert.equal(interpolate('Hello {name}', {}), 'Hello {name}');
  });

  it('throws on a key that does not exist, or that is not a sentence', () => {
    const tr = translator();
    assert.throws(() => tr.t('home.nope'), /No message "home.nope"/);
    assert.throws(() => tr.t('whatIsSoc.why'), /not a sentence/);
    assert.throws(() => tr.t('__proto__.toString'), /No message/);
  });

  it('keeps sentences short in the catalogue and the seeded content: none over 45 words, 15 on average', () => {
    const sentences: string[] = [];
    const walk = (node: unknown) => {
      if (typeof node === 'string') sentences.push(...node.split(/(?<=[.?!])\s+/).filter((s) => s.trim()));
      else if (node && typeof node === 'object') Object.values(node).forEach(walk);
    };
    walk(en);
    walk(SEED_CATEGORIES.map((c) => c.text));
    walk(SEED_CHANNELS.map((c) => c.text));
    const lengths = sentences.map((s) => s.split(/\s+/).length);
    assert.deepEqual(
      sentences.filter((_, i) => (lengths[i] ?? 0) > 45),
      [],
    );
    const average = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    assert.ok(average < 15, `average ${average.toFixed(1)} words a sentence`);
  });
});
