-- Separation of duties: changes of access are requests, and the ones that widen access wait for a
-- second person. A change of a user's roles or clearance that grants more than the workspace waits
-- for another administrator (never the requester, never the user it is for); a sharing rule waits
-- for an information asset owner of the agency whose records it shares. Every change, applied at
-- once or decided later, is one row here, so information governance can see them all.
create table access_change (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('user-access', 'sharing-rule', 'sharing-rule-removal')),
  -- 'applied': needed no approval (it only narrows access). 'withdrawn': replaced by a later
  -- change to the same user before anyone decided it.
  status text not null check (status in ('pending', 'approved', 'rejected', 'applied', 'withdrawn')),
  -- A user's access: the roles and clearance asked for, and what they had when it was asked.
  user_id uuid references app_user (id) on delete cascade,
  roles text[],
  clearance text references classification (code),
  previous_roles text[],
  previous_clearance text references classification (code),
  -- A sharing rule: who shares what with whom, and the rule once it exists.
  owner_agency_id uuid references agency (id) on delete cascade,
  partner_agency_id uuid references agency (id) on delete cascade,
  record_type text check (record_type ~ '^[a-z][a-z-]{1,62}$'),
  sharing_rule_id uuid references sharing_rule (id) on delete set null,
  requested_by uuid references app_user (id) on delete set null,
  requested_at timestamptz not null default now(),
  decided_by uuid references app_user (id) on delete set null,
  decided_at timestamptz,
  check ((kind = 'user-access') = (user_id is not null)),
  check (kind <> 'user-access' or (roles is not null and clearance is not null)),
  check (kind = 'user-access'
    or (owner_agency_id is not null and partner_agency_id is not null and record_type is not null)),
  check ((decided_at is null) = (status in ('pending', 'applied'))),
  -- The second person is never the first.
  check (status not in ('approved', 'rejected') or decided_by is distinct from requested_by)
);
-- One open request per user, and per rule: a later change replaces an open one (it is withdrawn).
create unique index access_change_pending_user_key on access_change (user_id)
  where status = 'pending' and kind = 'user-access';
create unique index access_change_pending_rule_key
  on access_change (owner_agency_id, partner_agency_id, record_type)
  where status = 'pending' and kind = 'sharing-rule';
create index access_change_requested_idx on access_change (requested_at desc);
create index access_change_pending_idx on access_change (kind, status) where status = 'pending';
