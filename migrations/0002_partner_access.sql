-- Partner access: markings, clearance, sharing rules, named access lists, sessions, multi-factor
-- sign-in, and the s62 audit log.

-- Markings are ordered data. A user's clearance covers every classification of equal or lower rank.
create table classification (
  code text primary key,
  rank integer not null unique,
  name text not null
);
insert into classification (code, rank, name) values
  ('OFFICIAL', 1, 'Official'),
  ('OFFICIAL-SENSITIVE', 2, 'Official-Sensitive');

-- Intelligence handling codes govern onward sharing and export (DECISIONS 15), not reading.
create table handling_code (
  code text primary key,
  name text not null,
  description text not null
);
insert into handling_code (code, name, description) values
  ('P', 'P: lawful sharing permitted', 'May be shared with partners for a lawful purpose.'),
  ('C', 'C: sharing permitted with conditions',
   'May be shared only on the conditions stated with the record, acknowledged before export or onward sharing.');

alter table app_user
  add column clearance text not null default 'OFFICIAL' references classification (code),
  -- TOTP: the shared secret, set when enrolment is confirmed. Every partner account must have one.
  add column totp_secret text,
  add column totp_enrolled_at timestamptz,
  -- The last TOTP time step accepted, so a code cannot be replayed within its window.
  add column totp_last_step bigint,
  add column failed_sign_ins integer not null default 0 check (failed_sign_ins >= 0),
  add column locked_until timestamptz,
  add column password_changed_at timestamptz;

create table recovery_code (
  user_id uuid not null references app_user (id) on delete cascade,
  -- SHA-256 of a high-entropy code: a slow hash adds nothing to 50+ random bits per code.
  code_hash text not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);

-- One agency receives the public's anonymous reports (DECISIONS 7). A fresh install has one so a
-- report always has an owner; administrators can rename it or move the duty to another agency.
alter table agency add column receives_public_reports boolean not null default false;
create unique index agency_receives_public_reports_key on agency (receives_public_reports)
  where receives_public_reports;
insert into organisation (name) values ('The partnership') on conflict (name) do nothing;
insert into agency (code, name, organisation_id, kind, receives_public_reports)
  select 'partnership-hub', 'Partnership hub', id, 'other', true
  from organisation where name = 'The partnership';

-- Sharing: an owning agency shares a type of record with a partner agency. With no rule, a
-- record is its owning agency's alone.
create table sharing_rule (
  id uuid primary key default gen_random_uuid(),
  owner_agency_id uuid not null references agency (id) on delete cascade,
  partner_agency_id uuid not null references agency (id) on delete cascade,
  record_type text not null check (record_type ~ '^[a-z][a-z-]{1,62}$'),
  created_by uuid references app_user (id) on delete set null,
  created_at timestamptz not null default now(),
  check (owner_agency_id <> partner_agency_id),
  unique (owner_agency_id, partner_agency_id, record_type)
);

-- A named access list (need-to-know). A record that points at one is visible only to its
-- members, on top of clearance and sharing. A member is a user or a whole agency.
create table access_list (
  id uuid primary key default gen_random_uuid(),
  description text not null check (length(description) between 1 and 200),
  created_at timestamptz not null default now()
);
create table access_list_member (
  id uuid primary key default gen_random_uuid(),
  access_list_id uuid not null references access_list (id) on delete cascade,
  user_id uuid references app_user (id) on delete cascade,
  agency_id uuid references agency (id) on delete cascade,
  check ((user_id is null) <> (agency_id is null))
);
create unique index access_list_member_user_key on access_list_member (access_list_id, user_id)
  where user_id is not null;
create unique index access_list_member_agency_key on access_list_member (access_list_id, agency_id)
  where agency_id is not null;

-- Server-side sessions. Only a SHA-256 of the opaque id is stored, so a copy of this table cannot
-- be replayed as cookies.
create table user_session (
  id_hash text primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  -- 'mfa': password accepted, second factor (or enrolment) still to do. 'active': signed in.
  stage text not null check (stage in ('mfa', 'active')),
  -- The roles held at sign-in: any change ends the session at the next request.
  roles text[] not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  -- Post/redirect/get: a form's errors and answers, shown once.
  flash jsonb,
  -- A TOTP secret offered during enrolment, kept here until the person confirms a code.
  pending_totp_secret text,
  -- Why the person is working (an s62 purpose code), recorded on every audit entry they cause.
  purpose text not null default 'crime-prevention',
  justification text,
  check (purpose <> 'other' or length(justification) > 0)
);
create index user_session_user_idx on user_session (user_id);

-- The s62 audit log (Data Protection Act 2018, s62): one entry per operation on personal data.
-- Append-only and hash-chained: each entry's hash covers its content and the previous hash, so
-- `lantern audit verify` finds any entry changed, removed or moved.
create table audit_entry (
  seq bigint primary key,
  occurred_at timestamptz not null,
  actor_kind text not null check (actor_kind in ('user', 'public', 'system')),
  actor_user_id uuid,
  actor_agency_id uuid,
  action text not null check (action in (
    'collection', 'alteration', 'consultation', 'disclosure', 'combination', 'erasure', 'security'
  )),
  event text not null,
  record_type text,
  record_ids uuid[] not null default '{}',
  purpose text,
  justification text,
  recipients text,
  request_id text,
  detail jsonb,
  prev_hash text not null,
  hash text not null unique
);
-- "Who looked at this record": one row per record an entry names (DECISIONS 18).
create table audit_entry_record (
  audit_seq bigint not null references audit_entry (seq),
  record_id uuid not null,
  primary key (record_id, audit_seq)
);
create index audit_entry_occurred_idx on audit_entry (occurred_at);
create index audit_entry_actor_idx on audit_entry (actor_user_id, occurred_at);

-- Append-only in the database itself: no update, delete or truncate, whoever asks. In production
-- the application should also connect as a role that does not own these tables (ARCHITECTURE.md).
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit log is append-only';
end;
$$;
create trigger audit_entry_no_change before update or delete on audit_entry
  for each row execute function audit_log_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
  for each statement execute function audit_log_is_append_only();
create trigger audit_entry_record_no_change before update or delete on audit_entry_record
  for each row execute function audit_log_is_append_only();
create trigger audit_entry_record_no_truncate before truncate on audit_entry_record
  for each statement execute function audit_log_is_append_only();
