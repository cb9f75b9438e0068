-- The audit chain becomes keyed: from here on each entry's hash is an HMAC-SHA-256 under a key held
-- outside the database, so someone who can write to the database can no longer recompute it.
-- Entries already written keep their plain SHA-256 chain; this row says where the keyed chain
-- starts, so `lantern audit verify` checks each entry the way it was written. Signed checkpoints
-- (outside the database) record this number too, so moving it is caught.
create table audit_chain_start (
  only_row boolean primary key default true check (only_row),
  keyed_from_seq bigint not null,
  started_at timestamptz not null default now()
);
insert into audit_chain_start (keyed_from_seq)
  select coalesce(max(seq), 0) + 1 from audit_entry;

create trigger audit_chain_start_no_change before update or delete on audit_chain_start
  for each row execute function audit_log_is_append_only();
create trigger audit_chain_start_no_truncate before truncate on audit_chain_start
  for each statement execute function audit_log_is_append_only();
