-- Starter tactics already offered to this database, by key ('closure-order'). Lantern inserts a
-- seed tactic once; after that the coordinator owns it, so an edit, a retirement or a deletion is
-- never undone on the next start (as public_content_seed does for the public content).
create table tactic_seed (
  key text primary key,
  applied_at timestamptz not null default now()
);
