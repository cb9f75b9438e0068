-- Public content: the serious and organised crime (SOC) categories the public site explains, and
-- the reporting channels it signposts to. Partners edit these rows in the partner workspace, so
-- they are data, not template text. Facts that do not depend on language (numbers, addresses,
-- anonymity, when it was checked) sit in the main tables; the words sit in *_text tables, one row
-- per locale, so a translation is new rows rather than new columns.

create table soc_category (
  slug text primary key check (slug ~ '^[a-z][a-z0-9-]{1,62}$'),
  sort_order integer not null,
  created_at timestamptz not null default now()
);

create table soc_category_text (
  category_slug text not null references soc_category (slug) on delete cascade,
  locale text not null check (locale ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  name text not null check (length(name) between 1 and 120),
  summary text not null check (length(summary) between 1 and 400),
  what_it_is text not null check (length(what_it_is) between 1 and 4000),
  harm text not null check (length(harm) between 1 and 4000),
  -- Groups of signs to spot: [{ "heading": "County lines", "items": ["...", "..."] }].
  signs jsonb not null default '[]' check (jsonb_typeof(signs) = 'array'),
  primary key (category_slug, locale)
);

create table reporting_channel (
  code text primary key check (code ~ '^[a-z][a-z0-9-]{1,62}$'),
  sort_order integer not null,
  -- emergency: 999; report: tells someone who can act; support: help for victims.
  kind text not null check (kind in ('emergency', 'report', 'support')),
  phone text check (length(phone) between 1 and 40),
  out_of_hours_phone text check (length(out_of_hours_phone) between 1 and 40),
  text_number text check (length(text_number) between 1 and 40),
  email text check (email ~ '^[^\s@]+@[^\s@]+$'),
  -- https:// for other sites; a path on this site (like /report) for our own forms, never //host.
  web_url text check (web_url ~ '^(https://[^\s]+|/[^/\s][^\s]*)$'),
  -- What a person reporting can expect: anonymous (never identified, cannot be traced), optional
  -- (may choose not to give a name), confidential (known to the channel, kept private),
  -- identified (name or contact details needed), unknown (not confirmed).
  anonymity text not null check (anonymity in ('anonymous', 'optional', 'confidential', 'identified', 'unknown')),
  -- Serves only the partnership's own area (a council front door, the local force's form).
  is_local boolean not null default false,
  -- DECISIONS 13: when the entry was checked against the channel's own published information,
  -- and where. Null means not checked; the partner workspace flags both that and entries over a year old.
  verified_on date,
  source text check (length(source) <= 2000),
  verification_note text check (length(verification_note) <= 2000),
  created_at timestamptz not null default now()
);

create table reporting_channel_text (
  channel_code text not null references reporting_channel (code) on delete cascade,
  locale text not null check (locale ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  name text not null check (length(name) between 1 and 120),
  summary text not null check (length(summary) between 1 and 1000),
  opening_hours text check (length(opening_hours) <= 400),
  who_receives text not null check (length(who_receives) between 1 and 1000),
  anonymity_note text not null check (length(anonymity_note) between 1 and 1000),
  -- Other ways in (text relay, silent calls) and anything else a person should know first.
  how_to text check (length(how_to) <= 2000),
  primary key (channel_code, locale)
);

-- Where to report each kind of crime, in the order the category page lists them.
create table soc_category_channel (
  category_slug text not null references soc_category (slug) on delete cascade,
  channel_code text not null references reporting_channel (code) on delete cascade,
  sort_order integer not null,
  primary key (category_slug, channel_code)
);

-- Seed rows already offered to this database, by key ('channel:crimestoppers'). Lantern inserts a
-- seed row once; after that the partners own it, so an edit or a deletion is never undone.
create table public_content_seed (
  key text primary key,
  applied_at timestamptz not null default now()
);
