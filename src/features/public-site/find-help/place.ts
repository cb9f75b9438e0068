/**
 * Whether a place someone typed is in the partnership's area, so that services only for this area
 * (the council front doors, the local police form, our own concern form) are offered only when
 * they fit. A postcode district decides it; a town we know counts as local; anything else we
 * cannot tell, and the answer page says which services are local only.
 */

export interface LocalArea {
  /** As the public would say it: "Cornwall and the Isles of Scilly". */
  name: string;
  /** Postcode districts wholly or mostly in the area, like 'TR1' or 'PL26'. */
  postcodeDistricts: readonly string[];
  /** Towns and other names people may type instead, lower case. */
  placeNames: readonly string[];
}

const range = (area: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${area}${from + i}`);

/**
 * The example partnership's area: Cornwall and the Isles of Scilly. These districts and names are
 * an example for the demo partnership, not an authoritative boundary (a few districts cross the
 * county line); another partnership sets its own.
 */
export const LOCAL_AREA: LocalArea = {
  name: 'Cornwall and the Isles of Scilly',
  postcodeDistricts: [
    ...range('TR', 1, 27),
    ...range('PL', 10, 15),
    'PL17',
    'PL18',
    ...range('PL', 22, 35),
    'EX23',
  ],
  placeNames: [
    'cornwall',
    'kernow',
    'isles of scilly',
    'scilly',
    'truro',
    'falmouth',
    'penryn',
    'penzance',
    'st ives',
    'hayle',
    'camborne',
    'redruth',
    'helston',
    'newquay',
    'perranporth',
    'st agnes',
    'st austell',
    'bodmin',
    'wadebridge',
    'padstow',
    'launceston',
    'liskeard',
    'looe',
    'saltash',
    'torpoint',
    'callington',
    'fowey',
    'lostwithiel',
    'camelford',
    'bude',
    'st just',
    'marazion',
  ],
};

export type PlaceKind = 'local' | 'elsewhere' | 'unknown' | 'not-given';

const POSTCODE_DISTRICT = /^[A-Z]{1,2}\d[A-Z\d]?$/;

export function classifyPlace(where: string | undefined, area: LocalArea = LOCAL_AREA): PlaceKind {
  const text = (where ?? '').trim();
  if (!text) return 'not-given';
  const upper = text.toUpperCase().replace(/\s+/g, '');
  if (POSTCODE_DISTRICT.test(upper)) return area.postcodeDistricts.includes(upper) ? 'local' : 'elsewhere';
  const words = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return area.placeNames.some((name) => words.includes(` ${name} `)) ? 'local' : 'unknown';
}
