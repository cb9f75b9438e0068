-- Import (issue "Intelligence and entities", Import): a CSV and its mapping, held between the
-- partner page's steps (upload → check → import → summary) for an hour, only for the person who
-- uploaded them. After the import only the summary (counts and item references, no personal
-- data) and the rejected rows, for the person to download and correct, are kept; expired uploads
-- are deleted whenever another is held.
create table import_upload (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id) on delete cascade,
  file_name text not null check (length(file_name) between 1 and 200),
  -- The CSV as uploaded; emptied once imported.
  csv bytea not null,
  -- The mapping file's text, and what the person chose ("licensing-register" or "uploaded").
  mapping text not null check (length(mapping) between 2 and 200000),
  mapping_name text not null check (length(mapping_name) between 1 and 200),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  imported_at timestamptz,
  summary jsonb,
  rejection_csv bytea,
  check ((imported_at is null) = (summary is null))
);
create index import_upload_expiry_idx on import_upload (expires_at);
create index import_upload_user_idx on import_upload (user_id);
