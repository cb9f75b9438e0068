-- Intelligence and entities (issue "Intelligence and entities"; DECISIONS 15-18).
-- The partnership's shared knowledge: graded intelligence items, the people, businesses,
-- addresses, vehicles, phones, accounts and premises they mention, and dated links between those
-- entities, each link supported by at least one item. Every table with personal data is marked
-- (markings.ts convention). Entity types, properties and link types are declared once as data in
-- src/features/intelligence/schema.ts; the database checks only what must never be wrong.

-- A record shared with one more agency, one record at a time (the "Share" action), on top of the
-- agency-wide sharing rules. For intelligence items the service, and the trigger below, refuse a
-- share until the item's sanitisation has been signed off by a second person.
create table record_share (
  record_type text not null check (record_type in ('intelligence-item', 'entity', 'link')),
  record_id uuid not null,
  agency_id uuid not null references agency (id) on delete cascade,
  shared_by uuid references app_user (id) on delete set null,
  shared_at timestamptz not null default now(),
  primary key (record_type, record_id, agency_id)
);
create index record_share_agency_idx on record_share (agency_id, record_type, record_id);

create sequence intelligence_item_reference_seq;

create table intelligence_item (
  id uuid primary key default gen_random_uuid(),
  -- What people say in meetings: "INT-000123".
  reference text not null unique
    default 'INT-' || lpad(nextval('intelligence_item_reference_seq')::text, 6, '0'),
  source_type text not null
    check (source_type in ('public-report', 'partner-officer', 'open-source', 'other-system')),
  -- Who or what the information came from, in words safe to share (never the reporter).
  source_description text check (length(source_description) between 1 and 300),
  public_report_id uuid unique references public_report (id),
  check ((source_type = 'public-report') = (public_report_id is not null)),
  -- 3x5x2: source evaluation 1-3, information assessment A-E; the handling code (P or C, with its
  -- conditions) is the marking column handling_code. Null until the item is graded.
  source_evaluation text check (source_evaluation in ('1', '2', '3')),
  information_assessment text check (information_assessment in ('A', 'B', 'C', 'D', 'E')),
  check ((source_evaluation is null) = (information_assessment is null)),
  -- Legacy 5x5x5 grades arrive on import and are shown as such, never converted.
  legacy_source_evaluation text check (legacy_source_evaluation in ('A', 'B', 'C', 'D', 'E')),
  legacy_intelligence_assessment text check (legacy_intelligence_assessment in ('1', '2', '3', '4', '5')),
  legacy_handling text check (legacy_handling in ('1', '2', '3', '4', '5')),
  graded_by uuid references app_user (id),
  graded_at timestamptz,
  -- A fact seen or heard, or an assessment (someone's judgement): never mixed up.
  statement_kind text not null default 'fact' check (statement_kind in ('fact', 'assessment')),
  -- The working text everyone with access reads: the sanitised text once sanitised.
  body text not null check (length(body) between 1 and 20000),
  categories text[] not null default '{}' check (categories <@ array[
    'child-sexual-exploitation-and-abuse', 'illegal-drugs', 'illegal-firearms', 'fraud',
    'money-laundering-and-economic-crime', 'bribery-and-corruption', 'organised-immigration-crime',
    'modern-slavery-and-human-trafficking', 'cyber-crime']::text[]),
  -- A vulnerability flag moves the item to the top of the inbox.
  vulnerabilities text[] not null default '{}'
    check (vulnerabilities <@ array['child-at-risk', 'adult-at-risk', 'exploitation']::text[]),
  area text check (length(area) between 1 and 100),
  occurred_on date,
  received_at timestamptz not null default now(),
  review_on date,
  status text not null default 'new' check (status in ('new', 'in-progress', 'closed')),
  outcome text check (outcome in (
    'intelligence-recorded', 'passed-to-partner', 'action-taken', 'no-further-action', 'duplicate')),
  outcome_note text check (length(outcome_note) between 1 and 2000),
  closed_by uuid references app_user (id),
  closed_at timestamptz,
  check ((status = 'closed') = (outcome is not null and closed_at is not null)),
  -- Sanitisation: the analyst who removed what could identify the source, and a second person who
  -- signed it off. Only then may the item be shared beyond its owning agency.
  sanitised_by uuid references app_user (id),
  sanitised_at timestamptz,
  signed_off_by uuid references app_user (id),
  signed_off_at timestamptz,
  check (signed_off_by is null or (sanitised_by is not null and signed_off_by <> sanitised_by)),
  created_by uuid references app_user (id),
  search_vector tsvector generated always as (to_tsvector('english', body)) stored,
  classification text not null references classification (code),
  handling_code text not null references handling_code (code),
  handling_conditions text,
  owning_agency_id uuid not null references agency (id),
  access_list_id uuid references access_list (id),
  check (handling_code <> 'C' or handling_conditions is not null)
);
create index intelligence_item_search_idx on intelligence_item using gin (search_vector);
create index intelligence_item_owner_idx on intelligence_item (owning_agency_id, received_at);
create index intelligence_item_inbox_idx on intelligence_item (status, received_at);
create index intelligence_item_categories_idx on intelligence_item using gin (categories);

-- The text as it arrived, before sanitisation. Always handling C under a named access list: for a
-- public report, the receiving agency's evidence list; for a partner's submission, a list holding
-- the author and their agency. Reading it is its own audited action.
create table intelligence_original (
  item_id uuid primary key references intelligence_item (id),
  body text not null check (length(body) between 1 and 20000),
  classification text not null references classification (code),
  handling_code text not null references handling_code (code) check (handling_code = 'C'),
  handling_conditions text not null,
  owning_agency_id uuid not null references agency (id),
  access_list_id uuid not null references access_list (id)
);

-- Only a signed-off item leaves its owning agency one record at a time.
create function record_share_needs_sign_off() returns trigger language plpgsql as $$
begin
  if new.record_type = 'intelligence-item' and not exists (
    select 1 from intelligence_item where id = new.record_id and signed_off_at is not null
  ) then
    raise exception 'intelligence item % has not been signed off for sharing', new.record_id
      using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger record_share_sign_off before insert on record_share
  for each row execute function record_share_needs_sign_off();

create table entity (
  id uuid primary key default gen_random_uuid(),
  schema text not null check (schema in (
    'Person', 'Business', 'Address', 'Vehicle', 'Phone', 'OnlineAccount', 'BankAccount', 'Premises')),
  -- The name people see: built from the properties by the schema module.
  caption text not null check (length(caption) between 1 and 300),
  -- Typed properties, validated by the schema module: { "name": ["..."], "birthDate": ["..."] }.
  properties jsonb not null default '{}' check (jsonb_typeof(properties) = 'object'),
  -- Under 18: forces OFFICIAL-SENSITIVE and a named access list (DECISIONS 16).
  child boolean not null default false,
  area text check (length(area) between 1 and 100),
  -- Deterministic identity for imported records: the same source row always lands here.
  source_key text unique check (length(source_key) between 1 and 300),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  classification text not null references classification (code),
  handling_code text not null references handling_code (code),
  handling_conditions text,
  owning_agency_id uuid not null references agency (id),
  access_list_id uuid references access_list (id),
  check (handling_code <> 'C' or handling_conditions is not null),
  check (not child or schema = 'Person'),
  check (not child or (classification = 'OFFICIAL-SENSITIVE' and access_list_id is not null))
);
create index entity_schema_idx on entity (schema, owning_agency_id);
create index entity_caption_trgm_idx on entity using gin (lower(caption) gin_trgm_ops);

-- Every name and alias of an entity, normalised for search (lower case, accents and punctuation
-- removed), with the Double Metaphone codes of each word for sound-alike matching.
create table entity_name (
  entity_id uuid not null references entity (id) on delete cascade,
  name text not null check (length(name) between 1 and 300),
  normalised text not null check (length(normalised) between 1 and 300),
  kind text not null check (kind in ('name', 'alias')),
  sounds text[] not null default '{}',
  primary key (entity_id, normalised)
);
create index entity_name_trgm_idx on entity_name using gin (normalised gin_trgm_ops);
create index entity_name_sounds_idx on entity_name using gin (sounds);

-- Which entities an item mentions, and for a person in what capacity (DPA 2018 s38 data-subject
-- category). Victim involvements need victims:read (DECISIONS 17).
create table item_entity (
  id uuid not null unique default gen_random_uuid(),
  item_id uuid not null references intelligence_item (id),
  entity_id uuid not null references entity (id),
  subject_category text check (subject_category in ('suspect', 'convicted', 'victim', 'witness', 'other')),
  added_by uuid references app_user (id),
  added_at timestamptz not null default now(),
  primary key (item_id, entity_id)
);
create index item_entity_entity_idx on item_entity (entity_id);

create table link (
  id uuid primary key default gen_random_uuid(),
  link_type text not null check (link_type ~ '^[a-z][a-z-]{1,40}$'),
  from_entity_id uuid not null references entity (id),
  to_entity_id uuid not null references entity (id),
  check (from_entity_id <> to_entity_id),
  start_date date,
  end_date date,
  check (start_date is null or end_date is null or end_date >= start_date),
  confidence text not null check (confidence in ('low', 'medium', 'high')),
  source_key text unique check (length(source_key) between 1 and 300),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  classification text not null references classification (code),
  handling_code text not null references handling_code (code),
  handling_conditions text,
  owning_agency_id uuid not null references agency (id),
  access_list_id uuid references access_list (id),
  check (handling_code <> 'C' or handling_conditions is not null)
);
create index link_from_idx on link (from_entity_id);
create index link_to_idx on link (to_entity_id);

-- Provenance: the items that support a link.
create table link_source (
  link_id uuid not null references link (id) on delete cascade,
  item_id uuid not null references intelligence_item (id),
  primary key (link_id, item_id)
);
create index link_source_item_idx on link_source (item_id);

-- A link without a source cannot exist: checked at commit, so a link and its first source can be
-- written in either order within one transaction, and removing a link's last source fails.
create function link_has_source() returns trigger language plpgsql as $$
declare
  checked uuid;
begin
  if tg_table_name = 'link' then
    checked := new.id;
  else
    checked := old.link_id;
  end if;
  if exists (select 1 from link where id = checked)
     and not exists (select 1 from link_source where link_id = checked) then
    raise exception 'link % has no supporting intelligence item', checked
      using errcode = 'check_violation';
  end if;
  return null;
end $$;
create constraint trigger link_needs_source after insert on link
  deferrable initially deferred for each row execute function link_has_source();
create constraint trigger link_keeps_source after delete on link_source
  deferrable initially deferred for each row execute function link_has_source();

-- Public reports already received become inbox items (later ones are added as they arrive). The
-- original text goes on the evidence access list; the working text starts as the same words.
insert into intelligence_item (source_type, source_description, public_report_id, body, categories,
    occurred_on, received_at, classification, handling_code, handling_conditions, owning_agency_id, access_list_id)
  select 'public-report', 'Anonymous report from the public', r.id,
    concat_ws(E'\n\n', r.what, 'Where: ' || r.where_text, 'When: ' || coalesce(r.when_text, r.when_date::text),
      'Who: ' || r.who),
    case when r.category = 'not-sure' then '{}'::text[] else array[r.category] end, r.when_date, r.received_at, r.classification, r.handling_code, r.handling_conditions,
    r.owning_agency_id, null
  from public_report r order by r.received_at;
insert into intelligence_original (item_id, body, classification, handling_code, handling_conditions,
    owning_agency_id, access_list_id)
  select i.id, i.body, 'OFFICIAL-SENSITIVE', 'C',
    'Original words of an anonymous reporter: may identify them. Do not share.',
    i.owning_agency_id, '6f1c2a52-8d1e-4c55-9a7e-0e7a1d5e0001'
  from intelligence_item i;
