-- OCG register and 4P disruption plans (issue "OCG register and 4P disruption plans").
-- Organised crime groups with their members and supporting intelligence; harm scoring models as
-- versioned reference data and each OCG's assessments against them; the tactics and powers
-- library; 4P plans, their actions, the disruption impact of each, and safeguarding referrals.
-- Tables holding personal data carry the marking columns (markings.ts); children of a marked
-- record (members, assessments, impacts) are governed by their parent's markings (markedAs).

create sequence ocg_reference_seq;

create table ocg (
  id uuid primary key default gen_random_uuid(),
  -- What people say in meetings: "OCG-0012".
  reference text not null unique default 'OCG-' || lpad(nextval('ocg_reference_seq')::text, 4, '0'),
  name text not null check (length(name) between 1 and 200),
  operation_name text check (length(operation_name) between 1 and 200),
  summary text check (length(summary) between 1 and 5000),
  categories text[] not null default '{}' check (categories <@ array[
    'child-sexual-exploitation-and-abuse', 'illegal-drugs', 'illegal-firearms', 'fraud',
    'money-laundering-and-economic-crime', 'bribery-and-corruption', 'organised-immigration-crime',
    'modern-slavery-and-human-trafficking', 'cyber-crime']::text[]),
  -- Areas of operation, in the partnership's own words (towns, wards, beats).
  areas text[] not null default '{}',
  status text not null default 'active' check (status in ('active', 'dormant', 'archived')),
  lead_agency_id uuid not null references agency (id),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  classification text not null references classification (code),
  handling_code text not null references handling_code (code),
  handling_conditions text,
  owning_agency_id uuid not null references agency (id),
  access_list_id uuid references access_list (id)
);
create index ocg_owner_idx on ocg (owning_agency_id);

-- The entities an OCG involves: people with their role, and its businesses, premises, vehicles,
-- addresses, phones and accounts ('associated'). Governed by the OCG's markings and, like a link,
-- visible only if the entity is.
create table ocg_member (
  id uuid primary key default gen_random_uuid(),
  ocg_id uuid not null references ocg (id) on delete cascade,
  entity_id uuid not null references entity (id),
  role text not null
    check (role in ('principal', 'significant', 'peripheral', 'enabler', 'associated')),
  role_note text check (length(role_note) between 1 and 500),
  added_by uuid references app_user (id),
  added_at timestamptz not null default now(),
  unique (ocg_id, entity_id)
);
create index ocg_member_entity_idx on ocg_member (entity_id);

-- The intelligence items that support what the register says about an OCG: that it exists, a
-- member's role, a category, an area. Shown only where the viewer may see the item.
create table ocg_source (
  id uuid primary key default gen_random_uuid(),
  ocg_id uuid not null references ocg (id) on delete cascade,
  item_id uuid not null references intelligence_item (id),
  member_id uuid references ocg_member (id) on delete cascade,
  statement text not null check (length(statement) between 1 and 500),
  added_by uuid references app_user (id),
  added_at timestamptz not null default now()
);
create index ocg_source_ocg_idx on ocg_source (ocg_id);

-- A harm scoring model: reference data, versioned. A published version never changes (the
-- trigger below), so an assessment always reads the model it was made with. `definition` holds
-- the dimensions (scale, weight, what each point means) and bands; its shape is checked in code
-- (features/groups/scoring.ts) before it is stored.
create table scoring_model (
  id uuid primary key default gen_random_uuid(),
  key text not null check (key ~ '^[a-z0-9-]{2,60}$'),
  version integer not null check (version >= 1),
  name text not null check (length(name) between 1 and 200),
  description text not null check (length(description) between 1 and 5000),
  definition jsonb not null,
  is_default boolean not null default false,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  unique (key, version)
);
create unique index scoring_model_one_default on scoring_model (is_default) where is_default;

create function scoring_model_is_immutable() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or new.definition is distinct from old.definition
     or new.key <> old.key or new.version <> old.version then
    raise exception 'a published scoring model cannot be changed: add a new version';
  end if;
  return new;
end $$;
create trigger scoring_model_immutable before update or delete on scoring_model
  for each row execute function scoring_model_is_immutable();

-- One assessment of an OCG against one model version. Re-scoring adds a row; history is kept.
-- `scores` is [{dimension, score, rationale}], every dimension of the model with a rationale;
-- total and band are computed in code from the model and stored for ordering.
create table ocg_assessment (
  id uuid primary key default gen_random_uuid(),
  ocg_id uuid not null references ocg (id) on delete cascade,
  scoring_model_id uuid not null references scoring_model (id),
  scores jsonb not null,
  unknowns text check (length(unknowns) between 1 and 5000),
  total numeric not null,
  band text not null,
  assessed_by uuid not null references app_user (id),
  assessed_at timestamptz not null default now()
);
create index ocg_assessment_ocg_idx on ocg_assessment (ocg_id, assessed_at desc);

-- The tactics and powers library: reference data the partnership coordinator edits (not personal
-- data, so unmarked). `agency_kind` names the kind of partner who holds the power, in words;
-- `suggested_for` lists what on a record suggests it (features/tactics/suggestions.ts).
create table tactic (
  id uuid primary key default gen_random_uuid(),
  key text not null unique check (key ~ '^[a-z0-9-]{2,80}$'),
  name text not null check (length(name) between 1 and 200),
  strand text not null check (strand in ('pursue', 'prevent', 'protect', 'prepare')),
  lifestyle_area text not null
    check (lifestyle_area in ('lifestyle', 'behaviour', 'vehicles', 'travel', 'business', 'crime')),
  agency_kind text not null check (length(agency_kind) between 1 and 200),
  description text not null check (length(description) between 1 and 2000),
  legal_basis text not null check (length(legal_basis) between 1 and 1000),
  requirements text not null check (length(requirements) between 1 and 1000),
  typical_impact text not null check (length(typical_impact) between 1 and 1000),
  who_can_help text not null check (length(who_can_help) between 1 and 1000),
  suggested_for text[] not null default '{}',
  source text not null check (length(source) between 1 and 500),
  verified_on date not null,
  retired boolean not null default false,
  updated_by uuid references app_user (id),
  updated_at timestamptz not null default now()
);

create sequence plan_reference_seq;

-- A 4P plan: for an OCG, or for a problem location or person (an entity). One plan owner.
create table plan (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique default 'PLAN-' || lpad(nextval('plan_reference_seq')::text, 4, '0'),
  title text not null check (length(title) between 1 and 200),
  ocg_id uuid references ocg (id),
  subject_entity_id uuid references entity (id),
  check (ocg_id is not null or subject_entity_id is not null),
  owner_user_id uuid not null references app_user (id),
  status text not null default 'open' check (status in ('open', 'closed')),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  classification text not null references classification (code),
  handling_code text not null references handling_code (code),
  handling_conditions text,
  owning_agency_id uuid not null references agency (id),
  access_list_id uuid references access_list (id)
);

-- Objectives under each of the 4Ps. Governed by the plan's markings.
create table plan_objective (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plan (id) on delete cascade,
  strand text not null check (strand in ('pursue', 'prevent', 'protect', 'prepare')),
  objective text not null check (length(objective) between 1 and 1000),
  position integer not null default 0,
  created_at timestamptz not null default now()
);

-- An action in a plan: owned by the agency that will carry it out (its markings), shared one at a
-- time with the plan's owning agency so the coordinator sees the whole plan.
create table plan_action (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plan (id) on delete cascade,
  objective_id uuid references plan_objective (id) on delete set null,
  strand text not null check (strand in ('pursue', 'prevent', 'protect', 'prepare')),
  tactic_id uuid references tactic (id),
  description text not null check (length(description) between 1 and 2000),
  officer_user_id uuid references app_user (id),
  target_entity_id uuid references entity (id),
  due_on date,
  status text not null default 'planned'
    check (status in ('planned', 'in-progress', 'completed', 'cancelled')),
  outcome text check (length(outcome) between 1 and 5000),
  completed_at timestamptz,
  check ((status = 'completed') = (completed_at is not null)),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  classification text not null references classification (code),
  handling_code text not null references handling_code (code),
  handling_conditions text,
  owning_agency_id uuid not null references agency (id),
  access_list_id uuid references access_list (id)
);
create index plan_action_plan_idx on plan_action (plan_id);
create index plan_action_due_idx on plan_action (owning_agency_id, due_on) where status in ('planned', 'in-progress');

-- The disruption an action achieved, on the national scale. There are no national definitions, so
-- the rationale is required. Peer review is optional and by someone else. Governed by the action.
create table disruption_impact (
  id uuid primary key default gen_random_uuid(),
  action_id uuid not null references plan_action (id) on delete cascade,
  rating text not null check (rating in ('major', 'moderate', 'minor', 'none', 'negative')),
  rationale text not null check (length(btrim(rationale)) between 10 and 5000),
  evidence text check (length(evidence) between 1 and 5000),
  assessed_by uuid not null references app_user (id),
  assessed_at timestamptz not null default now(),
  peer_reviewed_by uuid references app_user (id),
  peer_reviewed_at timestamptz,
  peer_review_note text check (length(peer_review_note) between 1 and 2000),
  check ((peer_reviewed_by is null) = (peer_reviewed_at is null)),
  check (peer_reviewed_by is null or peer_reviewed_by <> assessed_by)
);
create index disruption_impact_action_idx on disruption_impact (action_id);

-- A safeguarding referral for a victim linked to the plan: its own record type, readable only with
-- victims:read (DECISIONS 17), with its own markings (usually OFFICIAL-SENSITIVE).
create table safeguarding_referral (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plan (id) on delete cascade,
  victim_entity_id uuid not null references entity (id),
  victim_kind text not null
    check (victim_kind in ('child', 'adult-at-risk', 'cuckooing', 'suspected-trafficking')),
  route text not null check (route in (
    'childrens-front-door', 'adult-safeguarding', 'national-referral-mechanism', 'duty-to-notify',
    'mash', 'other')),
  route_note text check (length(route_note) between 1 and 500),
  reason text not null check (length(reason) between 1 and 5000),
  due_on date,
  referred_on date,
  referred_by uuid references app_user (id),
  outcome text check (length(outcome) between 1 and 5000),
  outcome_on date,
  status text not null default 'to-make' check (status in ('to-make', 'made', 'closed')),
  check (status = 'to-make' or referred_on is not null),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  classification text not null references classification (code),
  handling_code text not null references handling_code (code),
  handling_conditions text,
  owning_agency_id uuid not null references agency (id),
  access_list_id uuid references access_list (id)
);
create index safeguarding_referral_plan_idx on safeguarding_referral (plan_id);

-- One-record sharing now covers OCGs, plans and plan actions too.
alter table record_share drop constraint record_share_record_type_check;
alter table record_share add constraint record_share_record_type_check check (record_type in (
  'intelligence-item', 'entity', 'link', 'ocg', 'plan', 'plan-action'));
