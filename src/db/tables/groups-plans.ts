/** Table types for Kysely: The OCG register, tactics and 4P plans (migrations 0008, 0010). */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, MarkingColumns } from './common.js';

export interface OcgTable extends MarkingColumns {
  id: Generated<string>;
  reference: Generated<string>;
  name: string;
  operation_name: string | null;
  summary: string | null;
  categories: Generated<string[]>;
  areas: Generated<string[]>;
  status: Generated<'active' | 'dormant' | 'archived'>;
  lead_agency_id: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface OcgMemberTable {
  id: Generated<string>;
  ocg_id: string;
  entity_id: string;
  role: 'principal' | 'significant' | 'peripheral' | 'enabler' | 'associated';
  role_note: string | null;
  added_by: string | null;
  added_at: CreatedAt;
}

export interface OcgSourceTable {
  id: Generated<string>;
  ocg_id: string;
  item_id: string;
  member_id: string | null;
  statement: string;
  added_by: string | null;
  added_at: CreatedAt;
}

export interface ScoringModelTable {
  id: Generated<string>;
  key: string;
  version: number;
  name: string;
  description: string;
  /** Checked in code (features/groups/scoring.ts) before it is stored; never changed after. */
  definition: ColumnType<unknown, string, never>;
  is_default: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface OcgAssessmentTable {
  id: Generated<string>;
  ocg_id: string;
  scoring_model_id: string;
  /** [{ dimension, score, rationale }] for every dimension of the model. */
  scores: ColumnType<{ dimension: string; score: number; rationale: string }[], string, never>;
  unknowns: string | null;
  total: number;
  band: string;
  assessed_by: string;
  assessed_at: Generated<Date>;
}

export type Strand = 'pursue' | 'prevent' | 'protect' | 'prepare';

export interface TacticTable {
  id: Generated<string>;
  key: string;
  name: string;
  strand: Strand;
  lifestyle_area: 'lifestyle' | 'behaviour' | 'vehicles' | 'travel' | 'business' | 'crime';
  agency_kind: string;
  description: string;
  legal_basis: string;
  requirements: string;
  typical_impact: string;
  who_can_help: string;
  suggested_for: Generated<string[]>;
  source: string;
  verified_on: string;
  retired: Generated<boolean>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** Starter tactics already offered to this database (migration 0010), so none is offered twice. */
export interface TacticSeedTable {
  key: string;
  applied_at: Generated<Date>;
}

export interface PlanTable extends MarkingColumns {
  id: Generated<string>;
  reference: Generated<string>;
  title: string;
  ocg_id: string | null;
  subject_entity_id: string | null;
  owner_user_id: string;
  status: Generated<'open' | 'closed'>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface PlanObjectiveTable {
  id: Generated<string>;
  plan_id: string;
  strand: Strand;
  objective: string;
  position: Generated<number>;
  created_at: CreatedAt;
}

export interface PlanActionTable extends MarkingColumns {
  id: Generated<string>;
  plan_id: string;
  objective_id: string | null;
  strand: Strand;
  tactic_id: string | null;
  description: string;
  officer_user_id: string | null;
  target_entity_id: string | null;
  due_on: string | null;
  status: Generated<'planned' | 'in-progress' | 'completed' | 'cancelled'>;
  outcome: string | null;
  completed_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface DisruptionImpactTable {
  id: Generated<string>;
  action_id: string;
  rating: 'major' | 'moderate' | 'minor' | 'none' | 'negative';
  rationale: string;
  evidence: string | null;
  assessed_by: string;
  assessed_at: Generated<Date>;
  peer_reviewed_by: string | null;
  peer_reviewed_at: Date | null;
  peer_review_note: string | null;
}

export interface SafeguardingReferralTable extends MarkingColumns {
  id: Generated<string>;
  plan_id: string;
  victim_entity_id: string;
  victim_kind: 'child' | 'adult-at-risk' | 'cuckooing' | 'suspected-trafficking';
  route:
    | 'childrens-front-door'
    | 'adult-safeguarding'
    | 'national-referral-mechanism'
    | 'duty-to-notify'
    | 'mash'
    | 'other';
  route_note: string | null;
  reason: string;
  due_on: string | null;
  referred_on: string | null;
  referred_by: string | null;
  outcome: string | null;
  outcome_on: string | null;
  status: Generated<'to-make' | 'made' | 'closed'>;
  created_by: string | null;
  created_at: CreatedAt;
}
