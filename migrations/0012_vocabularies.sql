-- Vocabularies as reference tables (issue "Ready for real data"). The SOC categories, entity
-- schemas and link types were each listed in check constraints and again in TypeScript; now each
-- is a table holding the same rows as its one TypeScript module
-- (features/vocabularies/soc-categories.ts, features/intelligence/schema.ts), and a test checks
-- that each table and its module agree. Entities, links and public reports reference them by
-- foreign key. Items' and OCGs' `categories text[]` keep their check for now (an array cannot
-- hold a foreign key; moving them to join tables is still to do).

-- SOC categories. `soc_category` already held the public site's categories, keyed by the slug in
-- their addresses; it gains the code partner records carry and the name, and the nine rows are
-- now put there by this migration (not by the start-up seed), so a record can always refer to them.
alter table soc_category add column code text, add column label text;
insert into soc_category (slug, code, label, sort_order) values
  ('child-sexual-exploitation', 'child-sexual-exploitation-and-abuse', 'Child sexual exploitation and abuse', 10),
  ('illegal-drugs', 'illegal-drugs', 'Illegal drugs', 20),
  ('illegal-firearms', 'illegal-firearms', 'Illegal firearms', 30),
  ('fraud', 'fraud', 'Fraud', 40),
  ('money-laundering', 'money-laundering-and-economic-crime', 'Money laundering and economic crime', 50),
  ('bribery-and-corruption', 'bribery-and-corruption', 'Bribery and corruption', 60),
  ('organised-immigration-crime', 'organised-immigration-crime', 'Organised immigration crime', 70),
  ('modern-slavery', 'modern-slavery-and-human-trafficking', 'Modern slavery and human trafficking', 80),
  ('cyber-crime', 'cyber-crime', 'Cyber crime', 90)
  on conflict (slug) do update set code = excluded.code, label = excluded.label;
alter table soc_category
  alter column code set not null,
  alter column label set not null,
  add constraint soc_category_code_key unique (code),
  add constraint soc_category_code_check check (code ~ '^[a-z][a-z0-9-]{1,62}$'),
  add constraint soc_category_label_check check (length(label) between 1 and 120);

-- A public report names one category or says "not sure". The code it names, if any, is a derived
-- column the foreign key can hold to; "not sure" has none.
alter table public_report drop constraint public_report_category_check;
alter table public_report
  add column soc_category text generated always as (nullif(category, 'not-sure')) stored
    references soc_category (code);

-- Entity schemas (the FollowTheMoney-style types of entity).
create table entity_schema (
  code text primary key check (code ~ '^[A-Z][A-Za-z]{1,40}$'),
  sort_order integer not null
);
insert into entity_schema (code, sort_order) values
  ('Person', 10), ('Business', 20), ('Address', 30), ('Premises', 40), ('Vehicle', 50), ('Phone', 60),
  ('OnlineAccount', 70), ('BankAccount', 80);
alter table entity drop constraint entity_schema_check;
alter table entity add constraint entity_schema_fkey foreign key (schema) references entity_schema (code);

-- Link types (which two schemas each may join is checked in code, with the type's words).
create table link_type (
  code text primary key check (code ~ '^[a-z][a-z-]{1,40}$'),
  sort_order integer not null
);
insert into link_type (code, sort_order) values
  ('associate-of', 10), ('family-of', 20), ('director-of', 30), ('employee-of', 40), ('lives-at', 50),
  ('uses-vehicle', 60), ('uses-phone', 70), ('uses-account', 80), ('owns', 90), ('visits', 100),
  ('controls', 110), ('exploits', 120), ('calls', 130), ('operates-at', 140), ('registered-to', 150);
alter table link drop constraint link_link_type_check;
alter table link add constraint link_link_type_fkey foreign key (link_type) references link_type (code);
