-- Indexes for the foreign keys that lists and pages filter on. Without them each of these reads
-- every row of its table once the partnership holds millions of records.
create index plan_ocg_idx on plan (ocg_id);
create index plan_subject_entity_idx on plan (subject_entity_id);
create index plan_action_target_entity_idx on plan_action (target_entity_id);
create index safeguarding_referral_victim_idx on safeguarding_referral (victim_entity_id);
create index ocg_source_item_idx on ocg_source (item_id);
create index audit_entry_request_idx on audit_entry (request_id);
create index audit_entry_actor_agency_idx on audit_entry (actor_agency_id, seq);
-- An item's involvements are listed in the order they were added, a page at a time.
create index item_entity_item_added_idx on item_entity (item_id, added_at, id);
