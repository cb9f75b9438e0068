/**
 * 4P plans as records the access policy governs: plans, their actions, the disruption impact of
 * each action (carrying the action's markings) and safeguarding referrals (victims:read for
 * everything, and visible only if the victim is).
 */
import type { RecordSource } from '../access/records.js';
import { markedSource } from '../access/marked-source.js';

export const planRecords = markedSource({
  type: 'plan',
  from: 'plan',
  alias: 'p',
  markingAlias: 'p',
  fields: [
    'p.id',
    'p.reference',
    'p.title',
    'p.ocg_id',
    'p.subject_entity_id',
    'p.owner_user_id',
    'p.status',
    'p.created_at',
  ],
  searchColumn: 'p.title',
  orderBy: 'p.created_at desc, p.id',
  shareType: 'plan',
});

export const planActionRecords = markedSource({
  type: 'plan-action',
  from: 'plan_action',
  alias: 'pa',
  markingAlias: 'pa',
  fields: [
    'pa.id',
    'pa.plan_id',
    'pa.strand',
    'pa.tactic_id',
    'pa.description',
    'pa.officer_user_id',
    'pa.target_entity_id',
    'pa.due_on',
    'pa.status',
    'pa.outcome',
    'pa.completed_at',
  ],
  searchColumn: 'pa.description',
  orderBy: 'pa.created_at, pa.id',
  shareType: 'plan-action',
});

export const disruptionImpactRecords = markedSource({
  type: 'disruption-impact',
  from: 'disruption_impact',
  alias: 'di',
  markingAlias: 'pa',
  joins: (from) => `${from} join plan_action pa on pa.id = di.action_id`,
  fields: [
    'di.id',
    'di.action_id',
    'di.rating',
    'di.rationale',
    'di.evidence',
    'di.assessed_by',
    'di.assessed_at',
    'di.peer_reviewed_by',
    'di.peer_reviewed_at',
  ],
  searchColumn: 'di.rationale',
  orderBy: 'di.assessed_at, di.id',
  shareType: 'plan-action',
  sharedRecordField: 'action_id',
});

export const safeguardingReferralRecords = markedSource({
  type: 'safeguarding-referral',
  from: 'safeguarding_referral',
  alias: 'sr',
  markingAlias: 'sr',
  fields: [
    'sr.id',
    'sr.plan_id',
    'sr.victim_entity_id',
    'sr.victim_kind',
    'sr.route',
    'sr.reason',
    'sr.due_on',
    'sr.referred_on',
    'sr.outcome',
    'sr.status',
  ],
  searchColumn: 'sr.reason',
  orderBy: 'sr.created_at, sr.id',
  // A referral names its victim: it is visible only if the victim is.
  revealsEntities: ['victim_entity_id'],
});

export const planRecordSources: readonly RecordSource[] = [
  planRecords,
  planActionRecords,
  disruptionImpactRecords,
  safeguardingReferralRecords,
];
