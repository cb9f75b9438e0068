/**
 * The starter library checks itself: enough real tactics, unique well-formed keys, every strand
 * and lifestyle area, only the agreed suggestion vocabulary, a source and a date on every entry,
 * and the examples the issue names.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_TACTICS } from './seed-tactics.js';
import { LIFESTYLE_AREAS, STRANDS, SUGGESTED_FOR, TACTIC_KEY, needsReview } from './vocabulary.js';

describe('the starter tactics', () => {
  it('holds at least 45 tactics with unique, well-formed keys and names', () => {
    assert.ok(SEED_TACTICS.length >= 45, `only ${SEED_TACTICS.length}`);
    const keys = SEED_TACTICS.map((t) => t.key);
    assert.equal(new Set(keys).size, keys.length, 'keys are unique');
    for (const key of keys) assert.match(key, TACTIC_KEY);
    const names = SEED_TACTICS.map((t) => t.name);
    assert.equal(new Set(names).size, names.length, 'names are unique');
  });

  it('covers every 4P strand and all six lifestyle areas', () => {
    assert.deepEqual(new Set(SEED_TACTICS.map((t) => t.strand)), new Set(Object.keys(STRANDS)));
    assert.deepEqual(
      new Set(SEED_TACTICS.map((t) => t.lifestyleArea)),
      new Set(Object.keys(LIFESTYLE_AREAS)),
    );
  });

  it('uses only the agreed suggested_for vocabulary, and every SOC category is suggested somewhere', () => {
    for (const tactic of SEED_TACTICS) {
      for (const value of tactic.suggestedFor) {
        assert.ok(SUGGESTED_FOR.includes(value), `${tactic.key}: ${value}`);
      }
      assert.equal(
        new Set(tactic.suggestedFor).size,
        tactic.suggestedFor.length,
        `${tactic.key} repeats itself`,
      );
    }
    const used = new Set(SEED_TACTICS.flatMap((t) => t.suggestedFor));
    for (const value of SUGGESTED_FOR.filter((v) => v.startsWith('category:'))) {
      assert.ok(used.has(value), `no tactic suggested for ${value}`);
    }
    for (const target of [
      'licensed-premises',
      'vehicle',
      'company',
      'cuckooing-victim',
      'child-victim',
      'phone',
    ]) {
      assert.ok(used.has(target), `no tactic suggested for ${target}`);
    }
  });

  it('gives every tactic every field within the database limits, a source and a real verified_on date', () => {
    for (const t of SEED_TACTICS) {
      for (const [field, max] of [
        ['name', 200],
        ['agencyKind', 200],
        ['description', 2000],
        ['legalBasis', 1000],
        ['requirements', 1000],
        ['typicalImpact', 1000],
        ['whoCanHelp', 1000],
        ['source', 500],
      ] as const) {
        const value = t[field];
        assert.ok(value.trim().length > 0 && value.length <= max, `${t.key} ${field}`);
      }
      assert.match(t.source, /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//, `${t.key} source is a published page`);
      assert.match(t.verifiedOn, /^\d{4}-\d{2}-\d{2}$/, `${t.key} verifiedOn`);
      assert.ok(t.verifiedOn <= '2026-11-23', `${t.key} was not checked in the future`);
    }
  });

  it('says honestly which entries were checked against their source today and flags the rest for review', () => {
    const checked = SEED_TACTICS.filter((t) => !needsReview(t.verifiedOn, '2026-11-23'));
    assert.ok(checked.length >= 15, `${checked.length} checked`);
    // Checked entries point at the provision read, on legislation.gov.uk.
    for (const t of checked) assert.match(t.source, /^https:\/\/www\.legislation\.gov\.uk\//, t.key);
  });

  it('includes the tactics the issue names', () => {
    const keys = new Set(SEED_TACTICS.map((t) => t.key));
    for (const key of [
      'premises-licence-review',
      'summary-licence-review',
      'closure-notice',
      'closure-order',
      'community-protection-notice',
      'civil-injunction',
      'planning-enforcement-notice',
      'planning-stop-notice',
      'breach-of-condition-notice',
      'trading-standards-test-purchase',
      'counterfeit-goods-seizure',
      'illicit-tobacco-seizure',
      'illegal-vapes-enforcement',
      'food-hygiene-inspection',
      'health-and-safety-notice',
      'hmo-licence-review',
      'tenancy-enforcement',
      'dvla-vehicle-checks',
      'anpr-markers',
      'vehicle-seizure-no-licence-insurance',
      'vehicle-seizure-antisocial-use',
      'hmrc-referral',
      'dwp-referral',
      'glaa-referral',
      'nrm-referral',
      'slavery-trafficking-prevention-order',
      'slavery-trafficking-risk-order',
      'child-safeguarding-referral',
      'adult-safeguarding-referral',
      'cash-seizure-forfeiture',
      'account-freezing-order',
      'poca-confiscation',
      'serious-crime-prevention-order',
      'companies-house-referral',
      'director-disqualification',
      'right-to-work-civil-penalty',
      'drug-dealing-telecommunications-restriction-order',
      'criminal-behaviour-order',
      'gang-injunction',
      'drugs-search-warrant',
      'youth-diversion',
      'schools-education-county-lines',
      'school-notification-after-incident',
      'county-lines-awareness',
      'target-hardening',
      'cuckooing-protection',
      'community-impact-assessment',
      'communications-plan',
      'community-reassurance',
    ]) {
      assert.ok(keys.has(key), key);
    }
    const byKey = new Map(SEED_TACTICS.map((t) => [t.key, t]));
    assert.match(byKey.get('premises-licence-review')!.legalBasis, /Licensing Act 2003, section 51/);
    assert.match(byKey.get('summary-licence-review')!.legalBasis, /53A/);
    assert.match(
      byKey.get('closure-order')!.legalBasis,
      /Anti-social Behaviour, Crime and Policing Act 2014, section 80/,
    );
    assert.match(byKey.get('nrm-referral')!.legalBasis, /Modern Slavery Act 2015, section 52/);
    assert.match(byKey.get('account-freezing-order')!.legalBasis, /303Z1/);
    assert.ok(byKey.get('premises-licence-review')!.suggestedFor.includes('licensed-premises'));
    assert.ok(byKey.get('adult-safeguarding-referral')!.suggestedFor.includes('cuckooing-victim'));
  });

  it('flags an entry for review only when it is more than 12 months old', () => {
    assert.equal(needsReview('2025-11-23', '2026-11-23'), false);
    assert.equal(needsReview('2025-11-22', '2026-11-23'), true);
    assert.equal(needsReview('2026-11-23', '2026-11-23'), false);
  });
});
