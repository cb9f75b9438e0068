-- Anonymous reports from the public (issue "Public site"; DECISIONS 7, 8, 9).
-- No table here has a column for a client address, user agent or any other client identifier:
-- Lantern never learns who sent a report, so it cannot be made to tell.

-- Every report, message and file is marked (markings.ts convention) as OFFICIAL-SENSITIVE,
-- handling code C, owned by the agency that receives public reports, so the access rules apply
-- the moment partner views arrive.

-- The named access list for original uploads kept for evidence (DECISIONS 8): partners work on
-- the sanitised copy; only the receiving agency may open an original. A fixed id, so code can
-- name it; administrators change its members if the receiving duty moves.
insert into access_list (id, description) values
  ('6f1c2a52-8d1e-4c55-9a7e-0e7a1d5e0001',
   'Original files sent with public reports, kept for evidence (receiving agency only)');
insert into access_list_member (access_list_id, agency_id)
  select '6f1c2a52-8d1e-4c55-9a7e-0e7a1d5e0001', id from agency where receives_public_reports;

create table public_report (
  id uuid primary key default gen_random_uuid(),
  -- The public half of the receipt: finds the report; proves nothing by itself.
  lookup_id text not null unique check (lookup_id ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
  -- The secret half, argon2id (PHC string, with its own random salt). Never the secret itself.
  secret_hash text not null check (secret_hash like '$argon2id$%'),
  category text not null check (category in (
    'child-sexual-exploitation-and-abuse', 'illegal-drugs', 'illegal-firearms', 'fraud',
    'money-laundering-and-economic-crime', 'bribery-and-corruption', 'organised-immigration-crime',
    'modern-slavery-and-human-trafficking', 'cyber-crime', 'not-sure'
  )),
  what text not null check (length(what) between 1 and 5000),
  where_text text check (length(where_text) between 1 and 1000),
  when_date date,
  when_text text check (length(when_text) between 1 and 1000),
  who text check (length(who) between 1 and 2000),
  received_at timestamptz not null default now(),
  classification text not null references classification (code),
  handling_code text not null references handling_code (code),
  handling_conditions text,
  owning_agency_id uuid not null references agency (id),
  access_list_id uuid references access_list (id),
  check (handling_code <> 'C' or handling_conditions is not null)
);
create index public_report_received_idx on public_report (received_at);
create index public_report_owner_idx on public_report (owning_agency_id, received_at);

-- The conversation after a report: the reporter adds information, the partnership asks questions.
create table public_report_message (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references public_report (id),
  author_kind text not null check (author_kind in ('reporter', 'partnership')),
  -- Who in the partnership wrote it (the future inbox). Always null for the reporter.
  author_user_id uuid references app_user (id),
  body text not null check (length(body) between 1 and 5000),
  sent_at timestamptz not null default now(),
  classification text not null references classification (code),
  handling_code text not null references handling_code (code),
  handling_conditions text,
  owning_agency_id uuid not null references agency (id),
  access_list_id uuid references access_list (id),
  check (handling_code <> 'C' or handling_conditions is not null),
  check (author_kind = 'partnership' or author_user_id is null)
);
create index public_report_message_report_idx on public_report_message (report_id, sent_at);

-- Files sent with a report. Each upload is stored twice: the original, exactly as sent, under the
-- evidence access list; and a sanitised copy (re-encoded, no metadata) that partners work on.
-- Bytes live in the database so a report and its files commit in one transaction. The name the
-- file had on the reporter's device is not kept: it can name them ("Jo's phone IMG_0042.jpg").
create table public_report_file (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references public_report (id),
  variant text not null check (variant in ('original', 'sanitised')),
  -- A sanitised copy points at the original it was made from.
  original_id uuid references public_report_file (id),
  media_type text not null check (media_type in ('image/jpeg', 'image/png', 'application/pdf')),
  byte_size integer not null check (byte_size > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  received_at timestamptz not null default now(),
  classification text not null references classification (code),
  handling_code text not null references handling_code (code),
  handling_conditions text,
  owning_agency_id uuid not null references agency (id),
  access_list_id uuid references access_list (id),
  check (handling_code <> 'C' or handling_conditions is not null),
  check ((variant = 'sanitised') = (original_id is not null)),
  -- An original is never open to everyone who can see the report (DECISIONS 8).
  check (variant = 'sanitised' or access_list_id is not null)
);
create index public_report_file_report_idx on public_report_file (report_id);
create index public_report_file_received_idx on public_report_file (received_at);

-- A file waiting while the reporter checks their answers (public pages have no session). Found
-- only by the SHA-256 of an unguessable token held in the reporter's page; deleted when the report
-- is sent, and once expired. Nobody else can list or read these.
create table public_report_pending_file (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  media_type text not null check (media_type in ('image/jpeg', 'image/png', 'application/pdf')),
  original bytea not null,
  sanitised bytea not null,
  -- What the original reveals, in plain words, shown to the reporter before they send it.
  findings jsonb not null,
  byte_size integer not null check (byte_size > 0),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index public_report_pending_file_expiry_idx on public_report_pending_file (expires_at);
