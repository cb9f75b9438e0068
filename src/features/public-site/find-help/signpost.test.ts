/**
 * The signposting rules as a table: each row is a situation someone might describe, and what Find
 * help must say. The channels are the seeded ones, so the rows check the rules and the seed data
 * together.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_CHANNELS, type ChannelCode } from '../content/seed-channels.js';
import { classifyPlace } from './place.js';
import { signpost, type NoteKey, type SignpostAnswers, type SignpostChannel } from './signpost.js';

const CHANNELS: SignpostChannel[] = SEED_CHANNELS.map(({ code, anonymity, isLocal }) => ({
  code,
  anonymity,
  isLocal,
}));

const base: SignpostAnswers = {
  danger: false,
  topic: 'not-sure',
  detail: null,
  anonymous: false,
  place: 'local',
};

interface Scenario {
  name: string;
  answers: Partial<SignpostAnswers>;
  /** The channels in the order they must be recommended: exactly these, or at least these first. */
  first: ChannelCode[];
  /** The whole list, when the scenario pins it down. */
  exactly?: ChannelCode[];
  /** Channels that must appear somewhere. */
  includes?: ChannelCode[];
  /** Channels that must not appear. */
  excludes?: ChannelCode[];
  /** Channels shown with the "cannot promise anonymity" warning. */
  warned?: ChannelCode[];
  notes?: NoteKey[];
}

const scenarios: Scenario[] = [
  {
    name: 'danger now: 999 comes first, before anything else',
    answers: { danger: true, topic: 'illegal-drugs', detail: 'dealing' },
    first: ['emergency-999', 'police-online'],
  },
  {
    name: 'online grooming of a child: CEOP first',
    answers: { topic: 'child-sexual-exploitation', detail: 'online-grooming' },
    first: ['ceop', 'children-front-door', 'nspcc'],
    includes: ['childline'],
    warned: [],
  },
  {
    name: 'online grooming of a child, child in danger, reporter wants anonymity: 999, then anonymous routes, CEOP kept with a warning',
    answers: { danger: true, topic: 'child-sexual-exploitation', detail: 'online-grooming', anonymous: true },
    first: ['emergency-999', 'nspcc', 'crimestoppers', 'childline', 'ceop'],
    warned: ['ceop', 'children-front-door'],
    notes: ['anonymous-first'],
  },
  {
    name: 'child abused in person: the council children’s front door first',
    answers: { topic: 'child-sexual-exploitation', detail: 'abuse-in-person' },
    first: ['children-front-door', 'nspcc', 'police-101'],
    excludes: ['ceop'],
  },
  {
    name: 'scam text message: forward to 7726, and Report Fraud if money or details went',
    answers: { topic: 'fraud', detail: 'scam-text' },
    exactly: ['scam-text-7726', 'report-fraud'],
    first: ['scam-text-7726'],
  },
  {
    name: 'scam email: forward to report@phishing.gov.uk',
    answers: { topic: 'fraud', detail: 'scam-email' },
    exactly: ['phishing-email', 'report-fraud'],
    first: ['phishing-email'],
  },
  {
    name: 'money mule request by text: Report Fraud and 7726',
    answers: { topic: 'money-laundering', detail: 'money-mule-text' },
    first: ['report-fraud', 'scam-text-7726'],
    includes: ['crimestoppers'],
  },
  {
    name: 'drug dealing, reporter wants to stay anonymous: Crimestoppers first, police after with a warning',
    answers: { topic: 'illegal-drugs', detail: 'dealing', anonymous: true },
    first: ['crimestoppers', 'lantern-concern-form'],
    includes: ['police-101', 'police-online'],
    warned: ['police-online', 'police-101'],
    notes: ['anonymous-first'],
  },
  {
    name: 'drug dealing, happy to give a name: the local police first',
    answers: { topic: 'illegal-drugs', detail: 'dealing' },
    first: ['police-online', 'police-101', 'crimestoppers'],
    warned: [],
  },
  {
    name: 'cuckooing at an address: police and the adult safeguarding front door',
    answers: { topic: 'illegal-drugs', detail: 'cuckooing' },
    first: ['police-101', 'police-online', 'adults-front-door'],
  },
  {
    name: 'a child used to carry drugs (county lines): the children’s front door first',
    answers: { topic: 'illegal-drugs', detail: 'county-lines-child' },
    first: ['children-front-door', 'police-101'],
  },
  {
    name: 'someone exploited at work: Modern Slavery Helpline, then the GLAA',
    answers: { topic: 'modern-slavery', detail: 'exploited-at-work' },
    first: ['modern-slavery-helpline', 'glaa'],
  },
  {
    name: 'exploited at work, anonymously: the helpline and Crimestoppers before the GLAA, which is warned about',
    answers: { topic: 'modern-slavery', detail: 'exploited-at-work', anonymous: true },
    first: ['modern-slavery-helpline', 'crimestoppers', 'glaa'],
    warned: ['glaa', 'police-101', 'adults-front-door'],
  },
  {
    name: 'lost money to a scam: Report Fraud, Victim Support, and a reminder to call the bank',
    answers: { topic: 'fraud', detail: 'lost-money' },
    exactly: ['report-fraud', 'victim-support'],
    first: ['report-fraud'],
    notes: ['call-bank'],
  },
  {
    name: 'rogue trader: the Citizens Advice consumer helpline (Trading Standards)',
    answers: { topic: 'fraud', detail: 'rogue-trader' },
    first: ['citizens-advice-consumer', 'report-fraud'],
  },
  {
    name: 'hacked account: Report Fraud and Victim Support',
    answers: { topic: 'cyber-crime', detail: 'hacked' },
    exactly: ['report-fraud', 'victim-support'],
    first: ['report-fraud'],
    notes: ['call-bank'],
  },
  {
    name: 'illegal firearms, not in danger: police and Crimestoppers, no 999',
    answers: { topic: 'illegal-firearms' },
    first: ['police-101', 'crimestoppers'],
    excludes: ['emergency-999'],
  },
  {
    name: 'not sure what it is: our own anonymous concern form first',
    answers: { topic: 'not-sure' },
    exactly: ['lantern-concern-form', 'crimestoppers', 'police-101'],
    first: ['lantern-concern-form'],
  },
  {
    name: 'happening outside the area (postcode EX1): local-only services are left out, with a note',
    answers: { topic: 'illegal-drugs', detail: 'cuckooing', place: classifyPlace('EX1') },
    first: ['police-101', 'crimestoppers'],
    excludes: ['police-online', 'adults-front-door', 'lantern-concern-form'],
    notes: ['outside-area'],
  },
  {
    name: 'place not given: local services stay, with a note that they are local only',
    answers: { topic: 'child-sexual-exploitation', detail: 'abuse-in-person', place: classifyPlace('') },
    first: ['children-front-door'],
    notes: ['local-only'],
  },
  {
    name: 'organised immigration crime: Crimestoppers, police, and the helpline if people are exploited',
    answers: { topic: 'organised-immigration-crime' },
    exactly: ['crimestoppers', 'police-101', 'modern-slavery-helpline'],
    first: ['crimestoppers'],
  },
];

describe('signpost: where to report, by situation', () => {
  for (const scenario of scenarios) {
    it(scenario.name, () => {
      const result = signpost({ ...base, ...scenario.answers }, CHANNELS);
      const codes = result.recommendations.map((r) => r.channel);
      assert.deepEqual(codes.slice(0, scenario.first.length), scenario.first, `order: ${codes.join(', ')}`);
      if (scenario.exactly) assert.deepEqual(codes, scenario.exactly);
      for (const code of scenario.includes ?? []) assert.ok(codes.includes(code), `includes ${code}`);
      for (const code of scenario.excludes ?? []) assert.ok(!codes.includes(code), `excludes ${code}`);
      if (scenario.warned) {
        assert.deepEqual(
          result.recommendations
            .filter((r) => r.anonymityWarning)
            .map((r) => r.channel)
            .sort(),
          [...scenario.warned].sort(),
        );
      }
      for (const note of scenario.notes ?? []) assert.ok(result.notes.includes(note), `note ${note}`);
      assert.equal(new Set(codes).size, codes.length, 'no channel twice');
      for (const r of result.recommendations) assert.ok(r.reasons.length > 0, `${r.channel} says why`);
    });
  }

  it('never warns about anonymity on 999, even when someone wants to stay anonymous', () => {
    const result = signpost({ ...base, danger: true, anonymous: true, topic: 'illegal-firearms' }, CHANNELS);
    assert.deepEqual(result.recommendations[0], {
      channel: 'emergency-999',
      reasons: ['danger-now'],
      anonymityWarning: false,
    });
  });

  it('leaves out a channel the partners have removed, and ranks by the anonymity they record', () => {
    const edited = CHANNELS.filter((c) => c.code !== 'crimestoppers').map((c) =>
      c.code === 'police-101' ? { ...c, anonymity: 'anonymous' as const } : c,
    );
    const result = signpost({ ...base, topic: 'illegal-firearms', anonymous: true }, edited);
    assert.deepEqual(
      result.recommendations.map((r) => r.channel),
      ['police-101', 'lantern-concern-form'],
    );
  });
});

describe('classifyPlace', () => {
  const cases: [string, ReturnType<typeof classifyPlace>][] = [
    ['', 'not-given'],
    ['TR1', 'local'],
    ['tr 1', 'local'],
    ['PL26', 'local'],
    ['PL1', 'elsewhere'],
    ['EX1', 'elsewhere'],
    ['St. Ives', 'local'],
    ['near Truro', 'local'],
    ['Manchester', 'unknown'],
  ];
  for (const [text, kind] of cases) {
    it(`"${text}" is ${kind}`, () => assert.equal(classifyPlace(text), kind));
  }
});
