/** How the library shows tactics: strands, areas and suggestions in words, the form's answers and choices. */
import { TACTICS } from './pages.js';
import type { TacticFilter, TacticRow } from './queries.js';
import {
  isLifestyleArea,
  isStrand,
  LIFESTYLE_AREAS,
  STRANDS,
  SUGGESTED_FOR,
  SUGGESTION_TARGETS,
} from './vocabulary.js';

export const strandText = (strand: string) => (isStrand(strand) ? STRANDS[strand] : strand);
export const areaText = (area: string) => (isLifestyleArea(area) ? LIFESTYLE_AREAS[area] : area);
export const suggestionText = (value: string): string =>
  value.startsWith('category:')
    ? `Category: ${value.slice('category:'.length).replace(/-/g, ' ')}`
    : ((SUGGESTION_TARGETS as Record<string, string>)[value] ?? value);

/** The form's answers for an existing tactic. */
export function valuesOf(tactic: TacticRow): Record<string, unknown> {
  const [year = '', month = '', day = ''] = tactic.verified_on.split('-');
  return {
    name: tactic.name,
    strand: tactic.strand,
    lifestyleArea: tactic.lifestyle_area,
    agencyKind: tactic.agency_kind,
    description: tactic.description,
    legalBasis: tactic.legal_basis,
    requirements: tactic.requirements,
    typicalImpact: tactic.typical_impact,
    whoCanHelp: tactic.who_can_help,
    suggestedFor: tactic.suggested_for,
    source: tactic.source,
    'verifiedOn-day': String(Number(day)),
    'verifiedOn-month': String(Number(month)),
    'verifiedOn-year': year,
  };
}

export const formOptions = {
  strandOptions: Object.entries(STRANDS).map(([value, text]) => ({ value, text })),
  areaOptions: Object.entries(LIFESTYLE_AREAS).map(([value, text]) => ({ value, text })),
  suggestionOptions: SUGGESTED_FOR.map((value) => ({ value, text: suggestionText(value) })),
};

/** The filters in use, each a tag whose link removes just that filter. */
export function selectedFilterTags(
  filter: TacticFilter,
  query: Readonly<Record<string, string | undefined>>,
) {
  const selectedFilters = [
    filter.strand && { label: 'Strand', text: strandText(filter.strand), param: 'strand' },
    filter.lifestyleArea && {
      label: 'Lifestyle area',
      text: areaText(filter.lifestyleArea),
      param: 'area',
    },
    filter.agencyKind && { label: 'Agency', text: filter.agencyKind, param: 'agency' },
    filter.suggestedFor && {
      label: 'Suggested for',
      text: suggestionText(filter.suggestedFor),
      param: 'suggestedFor',
    },
    filter.words && { label: 'Words', text: filter.words, param: 'words' },
    filter.includeRetired && { label: 'Retired', text: 'Including retired tactics', param: 'retired' },
  ].filter((f): f is { label: string; text: string; param: string } => Boolean(f));
  // Each selected filter's tag removes just that filter.
  const without = (param: string) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value && name !== param) params.set(name, value);
    }
    const search = params.toString();
    return search ? `${TACTICS}?${search}` : TACTICS;
  };
  return selectedFilters.map((f) => ({
    heading: { text: f.label },
    items: [{ href: without(f.param), text: f.text }],
  }));
}
