-- Search speed (issue "Intelligence and entities", bench:search): finding a person among a
-- million by a misspelt or misheard name in well under 50 ms.
--
-- Trigram similarity (pg_trgm, migration 0005) ranks names well, but its GIN index reads the
-- posting lists of every trigram typed, and the commonest ("  j", " sm", "th ") list a tenth of
-- all names: at a million people that alone costs tens of milliseconds. So candidates are found
-- instead through search keys, one small posting list per typed word, and trigram similarity
-- only ranks them. A stored name matches a typed word when they are:
--   - the same word within one typing error (SymSpell's deletion neighbourhood: the word and
--     every form with one letter deleted; two words one insertion, deletion, substitution or
--     swap apart share a key),
--   - the same sound (Double Metaphone, primary and alternate codes, prefixed ~), or
--   - the same consonant skeleton (prefixed #): how English speakers hear and write Polish,
--     Slovak, Lithuanian or Ukrainian names (Kovalchik for Kowalczyk, Katazhina for Katarzyna):
--     sz, cz, rz, sh, ch and the like are one sound, w is v, c and q are k, and vowels and h fall.
-- Every word typed must match some word of the name (initials are left to ranking).

create function name_skeleton(word text) returns text
  language sql immutable strict parallel safe
  return regexp_replace(
    translate(
      replace(regexp_replace(word, '(tsch|sch|tch|sz|sh|cz|ch|zh|rz|dzh|dz)', 'x', 'g'), 'ph', 'f'),
      'wqcaeiouyh', 'vkk'),
    '(.)\1+', '\1', 'g');

create function name_search_keys(normalised text) returns text[]
  language sql immutable strict parallel safe
  return array(
    select distinct key from (
      select w as key from unnest(string_to_array(normalised, ' ')) w
      union all
      select overlay(w placing '' from i for 1)
        from unnest(string_to_array(normalised, ' ')) w, generate_series(1, length(w)) i
        where length(w) >= 3
      union all
      select '~' || dmetaphone(w) from unnest(string_to_array(normalised, ' ')) w where w <> ''
      union all
      select '~' || dmetaphone_alt(w) from unnest(string_to_array(normalised, ' ')) w where w <> ''
      union all
      select '#' || name_skeleton(w) from unnest(string_to_array(normalised, ' ')) w
        where length(name_skeleton(w)) >= 3
    ) keys
    where key not in ('', '~')
    order by key);

alter table entity_name add column keys text[] generated always as (name_search_keys(normalised)) stored;
create index entity_name_keys_idx on entity_name using gin (keys);
