/**
 * Where to report, from the answers to Find help: a pure function, so every rule is tested as a
 * table (signpost.test.ts). The rules name channels by code and give reasons as message keys; the
 * channels' own facts (anonymity, whether local only) come from the partners' data, so the ranking
 * follows their edits, and a channel they have removed is simply left out.
 */
import type { ChannelCode } from '../content/seed-channels.js';
import type { Anonymity } from '../content/types.js';
import type { PlaceKind } from './place.js';
import type { Detail, Topic } from './questions.js';

export type ReasonKey =
  | 'danger-now'
  | 'ceop-grooming'
  | 'ceop-if-online'
  | 'child-at-risk'
  | 'county-lines-child'
  | 'nspcc-worried-adult'
  | 'childline-young-person'
  | 'police-crime'
  | 'police-online-local'
  | 'crimestoppers-anonymous'
  | 'concern-form-local'
  | 'concern-form-not-sure'
  | 'cuckooing-adult'
  | 'exploited-adult'
  | 'report-fraud-fraud'
  | 'report-fraud-if-lost'
  | 'report-fraud-money-mule'
  | 'report-fraud-cyber'
  | 'scam-text'
  | 'scam-call'
  | 'if-offer-by-text'
  | 'scam-email'
  | 'if-offer-by-email'
  | 'trader'
  | 'victim-support'
  | 'modern-slavery-helpline'
  | 'glaa-work'
  | 'smuggled-then-exploited';

export type NoteKey = 'outside-area' | 'local-only' | 'anonymous-first' | 'call-bank';

export interface SignpostAnswers {
  danger: boolean;
  topic: Topic;
  detail: Detail | null;
  anonymous: boolean;
  place: PlaceKind;
}

/** What the rules need to know about each channel the partners offer. */
export interface SignpostChannel {
  code: string;
  anonymity: Anonymity;
  isLocal: boolean;
}

export interface Recommendation {
  channel: ChannelCode;
  reasons: ReasonKey[];
  /** They want to stay anonymous, and this channel cannot promise it. */
  anonymityWarning: boolean;
}

export interface Signpost {
  recommendations: Recommendation[];
  notes: NoteKey[];
}

type Candidate = [ChannelCode, ReasonKey];

const CHILD_ONLINE: Candidate[] = [
  ['ceop', 'ceop-grooming'],
  ['children-front-door', 'child-at-risk'],
  ['nspcc', 'nspcc-worried-adult'],
  ['crimestoppers', 'crimestoppers-anonymous'],
  ['childline', 'childline-young-person'],
];
const CHILD_IN_PERSON: Candidate[] = [
  ['children-front-door', 'child-at-risk'],
  ['nspcc', 'nspcc-worried-adult'],
  ['police-101', 'police-crime'],
  ['crimestoppers', 'crimestoppers-anonymous'],
  ['childline', 'childline-young-person'],
];
const DRUG_DEALING: Candidate[] = [
  ['police-online', 'police-online-local'],
  ['police-101', 'police-crime'],
  ['crimestoppers', 'crimestoppers-anonymous'],
  ['lantern-concern-form', 'concern-form-local'],
];
const POLICE_OR_CRIMESTOPPERS: Candidate[] = [
  ['police-101', 'police-crime'],
  ['crimestoppers', 'crimestoppers-anonymous'],
  ['lantern-concern-form', 'concern-form-local'],
];
const EXPLOITATION: Candidate[] = [
  ['modern-slavery-helpline', 'modern-slavery-helpline'],
  ['police-101', 'police-crime'],
  ['crimestoppers', 'crimestoppers-anonymous'],
  ['adults-front-door', 'exploited-adult'],
  ['lantern-concern-form', 'concern-form-local'],
];

/** The rules: for each topic and situation, the channels that fit, best first, with why. */
function candidates(topic: Topic, detail: Detail | null): Candidate[] {
  switch (topic) {
    case 'child-sexual-exploitation':
      if (detail === 'online-grooming') return CHILD_ONLINE;
      if (detail === 'abuse-in-person') return CHILD_IN_PERSON;
      return [...CHILD_IN_PERSON.slice(0, 2), ['ceop', 'ceop-if-online'], ...CHILD_IN_PERSON.slice(2)];
    case 'illegal-drugs':
      if (detail === 'cuckooing') {
        return [
          ['police-101', 'police-crime'],
          ['police-online', 'police-online-local'],
          ['adults-front-door', 'cuckooing-adult'],
          ['crimestoppers', 'crimestoppers-anonymous'],
          ['lantern-concern-form', 'concern-form-local'],
        ];
      }
      if (detail === 'county-lines-child') {
        return [
          ['children-front-door', 'county-lines-child'],
          ['police-101', 'police-crime'],
          ['crimestoppers', 'crimestoppers-anonymous'],
          ['nspcc', 'nspcc-worried-adult'],
          ['childline', 'childline-young-person'],
        ];
      }
      return DRUG_DEALING;
    case 'illegal-firearms':
    case 'bribery-and-corruption':
      return POLICE_OR_CRIMESTOPPERS;
    case 'fraud':
      switch (detail) {
        case 'scam-text':
          return [
            ['scam-text-7726', 'scam-text'],
            ['report-fraud', 'report-fraud-if-lost'],
          ];
        case 'scam-email':
          return [
            ['phishing-email', 'scam-email'],
            ['report-fraud', 'report-fraud-if-lost'],
          ];
        case 'scam-call':
          return [
            ['scam-text-7726', 'scam-call'],
            ['report-fraud', 'report-fraud-if-lost'],
          ];
        case 'lost-money':
          return [
            ['report-fraud', 'report-fraud-fraud'],
            ['victim-support', 'victim-support'],
          ];
        case 'rogue-trader':
          return [
            ['citizens-advice-consumer', 'trader'],
            ['report-fraud', 'report-fraud-if-lost'],
            ['victim-support', 'victim-support'],
          ];
        default:
          return [
            ['report-fraud', 'report-fraud-fraud'],
            ['scam-text-7726', 'if-offer-by-text'],
            ['phishing-email', 'if-offer-by-email'],
            ['citizens-advice-consumer', 'trader'],
            ['victim-support', 'victim-support'],
          ];
      }
    case 'money-laundering':
      switch (detail) {
        case 'money-mule-text':
          return [
            ['report-fraud', 'report-fraud-money-mule'],
            ['scam-text-7726', 'if-offer-by-text'],
            ['crimestoppers', 'crimestoppers-anonymous'],
          ];
        case 'money-mule-online':
          return [
            ['report-fraud', 'report-fraud-money-mule'],
            ['phishing-email', 'if-offer-by-email'],
            ['crimestoppers', 'crimestoppers-anonymous'],
          ];
        case 'money-mule-in-person':
          return [
            ['report-fraud', 'report-fraud-money-mule'],
            ['crimestoppers', 'crimestoppers-anonymous'],
            ['police-101', 'police-crime'],
          ];
        default:
          return [
            ['crimestoppers', 'crimestoppers-anonymous'],
            ['police-101', 'police-crime'],
            ['lantern-concern-form', 'concern-form-local'],
          ];
      }
    case 'organised-immigration-crime':
      return [
        ['crimestoppers', 'crimestoppers-anonymous'],
        ['police-101', 'police-crime'],
        ['modern-slavery-helpline', 'smuggled-then-exploited'],
      ];
    case 'modern-slavery':
      if (detail === 'exploited-at-work') {
        return [
          ['modern-slavery-helpline', 'modern-slavery-helpline'],
          ['glaa', 'glaa-work'],
          ['crimestoppers', 'crimestoppers-anonymous'],
          ['police-101', 'police-crime'],
          ['adults-front-door', 'exploited-adult'],
        ];
      }
      return EXPLOITATION;
    case 'cyber-crime':
      if (detail === 'hacked') {
        return [
          ['report-fraud', 'report-fraud-cyber'],
          ['victim-support', 'victim-support'],
        ];
      }
      if (detail === 'phishing') {
        return [
          ['phishing-email', 'scam-email'],
          ['scam-text-7726', 'scam-text'],
          ['report-fraud', 'report-fraud-if-lost'],
        ];
      }
      return [
        ['report-fraud', 'report-fraud-cyber'],
        ['phishing-email', 'scam-email'],
        ['victim-support', 'victim-support'],
      ];
    case 'not-sure':
      return [
        ['lantern-concern-form', 'concern-form-not-sure'],
        ['crimestoppers', 'crimestoppers-anonymous'],
        ['police-101', 'police-crime'],
      ];
  }
}

/** Lower is earlier, when someone wants to stay anonymous. */
const ANONYMITY_RANK: Record<Anonymity, number> = {
  anonymous: 0,
  optional: 0,
  confidential: 1,
  identified: 2,
  unknown: 2,
};

export function signpost(answers: SignpostAnswers, channels: readonly SignpostChannel[]): Signpost {
  const facts = new Map(channels.map((c) => [c.code, c]));
  const notes: NoteKey[] = [];

  let list: Candidate[] = candidates(answers.topic, answers.detail).filter(([code]) => facts.has(code));

  if (answers.place === 'elsewhere') {
    const before = list.length;
    list = list.filter(([code]) => !facts.get(code)?.isLocal);
    if (list.length < before) notes.push('outside-area');
  } else if (answers.place !== 'local' && list.some(([code]) => facts.get(code)?.isLocal)) {
    notes.push('local-only');
  }

  if (answers.anonymous) {
    // A stable sort: among channels that protect anonymity equally, the rules' order stands.
    list = list
      .map((candidate, index) => ({ candidate, index }))
      .sort((a, b) => {
        const rankA = ANONYMITY_RANK[facts.get(a.candidate[0])?.anonymity ?? 'unknown'];
        const rankB = ANONYMITY_RANK[facts.get(b.candidate[0])?.anonymity ?? 'unknown'];
        return rankA - rankB || a.index - b.index;
      })
      .map(({ candidate }) => candidate);
    notes.push('anonymous-first');
  }

  if (answers.danger && facts.has('emergency-999')) list = [['emergency-999', 'danger-now'], ...list];

  if (
    (answers.topic === 'fraud' && answers.detail === 'lost-money') ||
    (answers.topic === 'cyber-crime' && answers.detail === 'hacked')
  ) {
    notes.push('call-bank');
  }

  const recommendations: Recommendation[] = [];
  for (const [channel, reason] of list) {
    const existing = recommendations.find((r) => r.channel === channel);
    if (existing) {
      if (!existing.reasons.includes(reason)) existing.reasons.push(reason);
      continue;
    }
    const anonymity = facts.get(channel)?.anonymity ?? 'unknown';
    recommendations.push({
      channel,
      reasons: [reason],
      // 999 is for danger: being identified must never put anyone off calling it.
      anonymityWarning: answers.anonymous && channel !== 'emergency-999' && ANONYMITY_RANK[anonymity] === 2,
    });
  }
  return { recommendations, notes };
}
