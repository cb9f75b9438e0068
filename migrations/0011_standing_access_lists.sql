-- Named access lists at the volume of a real partnership.
--
-- The policy now checks a list by a join on its members, so these indexes answer "which lists
-- admit this user or this agency" and "who shares with this agency" without scanning.
create index access_list_member_user_idx on access_list_member (user_id) where user_id is not null;
create index access_list_member_agency_idx on access_list_member (agency_id) where agency_id is not null;
create index sharing_rule_partner_idx on sharing_rule (partner_agency_id);

-- Every list Lantern makes itself names one officer and their agency (an original's words, a
-- record about a child). Until now each record got a new list with the same two members, so the
-- lists grew with the records. From now on there is one standing list per officer and agency,
-- found by its key, and the records share it.
alter table access_list add column standing_key text unique
  check (standing_key ~ '^user:[0-9a-f-]{36} agency:[0-9a-f-]{36}$');

-- Fold the lists made so far into one per pair of members. Only lists whose members are exactly
-- one user and one agency are folded; anything else (the public report files list) is untouched.
create table access_list_fold as
  with pairs as (
    select access_list_id,
      max(user_id::text) as user_id,
      max(agency_id::text) as agency_id
    from access_list_member
    group by access_list_id
    having count(user_id) = 1 and count(agency_id) = 1
  )
  select p.access_list_id as id,
    first_value(p.access_list_id) over (
      partition by p.user_id, p.agency_id order by l.created_at, l.id::text) as standing_id,
    'user:' || p.user_id || ' agency:' || p.agency_id as standing_key
  from pairs p join access_list l on l.id = p.access_list_id;

update public_report t set access_list_id = f.standing_id
  from access_list_fold f where t.access_list_id = f.id and f.id <> f.standing_id;
update public_report_message t set access_list_id = f.standing_id
  from access_list_fold f where t.access_list_id = f.id and f.id <> f.standing_id;
update public_report_file t set access_list_id = f.standing_id
  from access_list_fold f where t.access_list_id = f.id and f.id <> f.standing_id;
update intelligence_item t set access_list_id = f.standing_id
  from access_list_fold f where t.access_list_id = f.id and f.id <> f.standing_id;
update intelligence_original t set access_list_id = f.standing_id
  from access_list_fold f where t.access_list_id = f.id and f.id <> f.standing_id;
update entity t set access_list_id = f.standing_id
  from access_list_fold f where t.access_list_id = f.id and f.id <> f.standing_id;
update link t set access_list_id = f.standing_id
  from access_list_fold f where t.access_list_id = f.id and f.id <> f.standing_id;
update ocg t set access_list_id = f.standing_id
  from access_list_fold f where t.access_list_id = f.id and f.id <> f.standing_id;
update plan t set access_list_id = f.standing_id
  from access_list_fold f where t.access_list_id = f.id and f.id <> f.standing_id;
update plan_action t set access_list_id = f.standing_id
  from access_list_fold f where t.access_list_id = f.id and f.id <> f.standing_id;
update safeguarding_referral t set access_list_id = f.standing_id
  from access_list_fold f where t.access_list_id = f.id and f.id <> f.standing_id;

delete from access_list l using access_list_fold f where l.id = f.id and f.id <> f.standing_id;
update access_list l
  set standing_key = f.standing_key,
    description = 'Need to know: the officer who recorded it and their agency'
  from access_list_fold f where l.id = f.id and f.id = f.standing_id;

drop table access_list_fold;
