-- Foundation: extensions later work needs, and the partnership's organisations, agencies and users.
-- Both PGlite and PostgreSQL (15+) ship these extensions; all four are "trusted", so the database
-- owner can create them without superuser rights.
create extension if not exists pg_trgm;
create extension if not exists fuzzystrmatch;
create extension if not exists unaccent;
create extension if not exists pgcrypto;

-- An organisation groups agencies for display (Cornwall Council holds Trading Standards,
-- Licensing, ASB...). The agency is the unit of sharing.
create table organisation (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(name) between 1 and 200),
  created_at timestamptz not null default now()
);

create table agency (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null check (length(name) between 1 and 200),
  organisation_id uuid not null references organisation (id),
  kind text not null check (kind in (
    'police', 'council', 'health', 'probation', 'social-care', 'education',
    'immigration-enforcement', 'fire-and-rescue', 'housing', 'voluntary-sector', 'other'
  )),
  created_at timestamptz not null default now()
);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email) and length(email) between 3 and 254),
  display_name text not null check (length(display_name) between 1 and 200),
  agency_id uuid not null references agency (id),
  -- argon2id PHC string; null until the person sets one (or signs in through their own IdP).
  password_hash text,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index app_user_email_key on app_user (email);

create table user_role (
  user_id uuid not null references app_user (id) on delete cascade,
  role text not null check (role ~ '^[a-z][a-z-]{1,62}$'),
  granted_at timestamptz not null default now(),
  primary key (user_id, role)
);
