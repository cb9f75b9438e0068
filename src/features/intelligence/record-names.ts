/** How the audit pages name intelligence records when an auditor resolves an id. */
import type { RecordNames } from '../audit/record-names.js';

export function registerIntelligenceNames(names: RecordNames): void {
  names.register('entity', {
    label: 'Person, business, place or thing',
    displayName: async (q, id) => {
      const row = await q
        .selectFrom('entity')
        .select(['schema', 'caption'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? `${row.caption} (${row.schema})` : null;
    },
  });
  names.register('intelligence-item', {
    label: 'Intelligence item',
    displayName: async (q, id) => {
      const row = await q
        .selectFrom('intelligence_item')
        .select('reference')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.reference ?? null;
    },
  });
  // Types the audit log names that have no display name of their own: labelled, never named.
  for (const [type, label] of [
    ['intelligence-original', 'Original words of an intelligence item'],
    ['link', 'Link'],
    ['involvement', 'Involvement in an intelligence item'],
    ['search-results', 'Search results'],
  ] as const) {
    names.register(type, { label, displayName: () => Promise.resolve(null) });
  }
}
