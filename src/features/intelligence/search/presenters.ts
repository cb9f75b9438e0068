/**
 * What the search page shows, shaped from the search result: captions, links, grades in the
 * partnership's notation, categories in words, and snippets whose highlights are the only markup
 * (the text itself is escaped first, so nothing in an item can add HTML to the page).
 */
import type { FormErrors } from '../../../web/validation.js';
import { REPORT_CATEGORIES } from '../../reports/categories.js';
import { describeGrade } from '../grading.js';
import { ENTITY_SCHEMA_NAMES, schemaSpec } from '../schema.js';
import {
  entitiesOnly,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  itemsOnly,
  type ItemHit,
  type SearchCriteria,
  type SearchResult,
} from './queries.js';

export type SearchValues = Partial<
  Record<'q' | 'type' | 'category' | 'area' | 'agency' | 'dates' | 'from' | 'to', string>
>;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Escapes the snippet, then turns the highlight markers into <mark>. */
export function snippetHtml(snippet: string): string {
  const escaped = escapeHtml(snippet);
  const opened = escaped.split(HIGHLIGHT_START).join('<mark class="app-search-highlight">');
  return opened.split(HIGHLIGHT_END).join('</mark>');
}

/** The one grade label (grading.ts), from a search hit's fields. */
function gradeOf(hit: ItemHit): string {
  return describeGrade({
    source_evaluation: hit.sourceEvaluation,
    information_assessment: hit.informationAssessment,
    handling_code: hit.handlingCode,
    legacy_source_evaluation: hit.legacySourceEvaluation,
    legacy_intelligence_assessment: hit.legacyIntelligenceAssessment,
    legacy_handling: hit.legacyHandling,
  }).label;
}

const categoryLabel = (code: string) =>
  (REPORT_CATEGORIES as Record<string, { label: string } | undefined>)[code]?.label ?? code;

const day = (date: Date) =>
  date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function searchView(criteria: SearchCriteria, result: SearchResult) {
  return {
    searchedEntities: !itemsOnly(criteria),
    searchedItems: !entitiesOnly(criteria),
    entityTotal: result.entities.total,
    entityMore: result.entities.more,
    entities: result.entities.matches.map((match) => ({
      id: match.id,
      href: `/partner/entities/${match.id}`,
      caption: match.caption,
      type: schemaSpec(match.schema).label,
      matchedName: match.matchedName,
      matchedKind: match.matchedKind,
      how: match.soundsAlike ? 'Sounds like what you typed' : 'Spelt like what you typed',
    })),
    itemTotal: result.items.total,
    items: result.items.hits.map((hit) => ({
      id: hit.id,
      href: `/partner/intelligence/items/${hit.id}`,
      reference: hit.reference,
      grade: gradeOf(hit),
      categoryCodes: hit.categories,
      categories: hit.categories.map(categoryLabel),
      area: hit.area,
      received: day(hit.receivedAt),
      receivedIso: hit.receivedAt.toISOString(),
      occurredOn: hit.occurredOn,
      snippetHtml: snippetHtml(hit.snippet),
      snippetText: hit.snippet.split(HIGHLIGHT_START).join('').split(HIGHLIGHT_END).join(''),
    })),
  };
}
export type SearchView = ReturnType<typeof searchView>;

const TYPE_CHOICES = [
  ...ENTITY_SCHEMA_NAMES.map((name) => ({ value: name, text: schemaSpec(name).plural })),
  { value: 'intelligence-item', text: 'Intelligence items' },
];

export function searchPage(page: {
  values: SearchValues;
  agencies: { id: string; name: string }[];
  errors?: FormErrors;
  results?: SearchView;
}) {
  const { values } = page;
  return {
    values,
    errors: page.errors,
    results: page.results,
    typeItems: [{ value: '', text: 'Everything' }, ...TYPE_CHOICES].map((choice) => ({
      ...choice,
      selected: values.type === choice.value,
    })),
    categoryItems: [
      { value: '', text: 'Any category' },
      ...Object.entries(REPORT_CATEGORIES).map(([value, { label }]) => ({ value, text: label })),
    ].map((choice) => ({ ...choice, selected: values.category === choice.value })),
    agencyItems: [
      { value: '', text: 'Any agency' },
      ...page.agencies.map((agency) => ({ value: agency.id, text: agency.name })),
    ].map((choice) => ({ ...choice, selected: values.agency === choice.value })),
    dateItems: [
      { value: 'received', text: 'Received' },
      { value: 'occurred', text: 'Happened' },
    ].map((choice) => ({
      ...choice,
      checked: (values.dates || 'received') === choice.value,
    })),
  };
}

/** The API's answer (schemas.ts searchResponseSchema): the same results as the page, as data. */
export function searchJson(criteria: SearchCriteria, result: SearchResult) {
  return {
    entities: {
      total: result.entities.total,
      more: result.entities.more,
      results: result.entities.matches.map((m) => ({
        id: m.id,
        type: m.schema,
        caption: m.caption,
        matchedName: m.matchedName,
        matchedKind: m.matchedKind,
        soundsAlike: m.soundsAlike,
        score: m.score,
      })),
    },
    items: {
      total: result.items.total,
      results: searchView(criteria, result).items.map((item) => ({
        id: item.id,
        reference: item.reference,
        grade: item.grade,
        categories: item.categoryCodes,
        area: item.area,
        receivedAt: item.receivedIso,
        occurredOn: item.occurredOn,
        snippet: item.snippetText,
      })),
    },
  };
}
