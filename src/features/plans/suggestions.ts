/**
 * Tactic suggestions for a 4P plan: a pure function of what the plan's subject shows (its
 * "picture", built from what the viewer may see: `planPicture` in queries.ts) and the tactics
 * library. Each tactic lists in `suggested_for` what on a record suggests it; each suggestion says
 * why in words ("The Miners Arms is a licensed premises linked to this OCG").
 *
 * The picture only holds victims when the viewer may read victims (victims:read), so victim-based
 * tactics are never suggested to anyone else, and nothing in a suggestion hints that a victim exists.
 */
import type { Strand } from '../../db/tables.js';
import type { EntityProperties, EntitySchemaName } from '../intelligence/index.js';
import { socCategoryLabel } from '../vocabularies/soc-categories.js';

export const STRANDS: readonly Strand[] = ['pursue', 'prevent', 'protect', 'prepare'];
export const STRAND_NAMES: Record<Strand, string> = {
  pursue: 'Pursue',
  prevent: 'Prevent',
  protect: 'Protect',
  prepare: 'Prepare',
};

export type MemberRole = 'principal' | 'significant' | 'peripheral' | 'enabler' | 'associated';

/** One entity the plan's subject involves, as far as the viewer may see it. */
export interface PictureEntity {
  id: string;
  schema: EntitySchemaName;
  caption: string;
  properties: EntityProperties;
  /** The entity's role in the OCG, when it is a member (or associated with it). */
  role: MemberRole | null;
  /** The plan's own subject (a problem location or person). */
  subject?: boolean;
  /** Linked to a member or the subject rather than recorded on the OCG: whom, and how. */
  via?: { caption: string; reads: string } | null;
}

/** A victim linked to the plan's subject: only in pictures built for viewers with victims:read. */
export interface PictureVictim {
  id: string;
  caption: string;
  child: boolean;
  /** Why this may be cuckooing (an exploitation link, their home used), or null. */
  cuckooing: string | null;
  /** Why this may be trafficking (an item's category), or null. */
  trafficking: string | null;
}

export interface PlanPicture {
  /** What the plan is about: an OCG, or a problem location or person. */
  about: 'ocg' | 'subject';
  entities: PictureEntity[];
  victims: PictureVictim[];
  /** The OCG's SOC categories (slugs), if the viewer may see the OCG. */
  categories: string[];
}

export interface TacticRow {
  id: string;
  key: string;
  name: string;
  strand: Strand;
  suggested_for: readonly string[];
  retired?: boolean;
}

export interface Suggestion {
  tactic: { id: string; key: string; name: string; strand: Strand };
  /** The entity the tactic would target; null for a tactic suggested by the OCG's categories. */
  target: { id: string; caption: string; kind: 'entity' | 'victim' } | null;
  /** What suggested it, from the tactic's `suggested_for` vocabulary. */
  because: string;
  reason: string;
  /** Higher is more specific (a licensed premises is more specific than premises). */
  specificity: number;
}

/** The `suggested_for` vocabulary, with how specific each is. */
export const SUGGESTED_FOR = {
  'licensed-premises': 3,
  hmo: 3,
  company: 3,
  principal: 3,
  enabler: 3,
  'child-victim': 3,
  'cuckooing-victim': 3,
  'trafficking-victim': 3,
  'adult-victim': 2,
  premises: 2,
  address: 2,
  vehicle: 2,
  business: 2,
  phone: 2,
  'bank-account': 2,
  'online-account': 2,
  victim: 2,
  person: 1,
} as const;
const CATEGORY_SPECIFICITY = 1;

export function categoryName(slug: string): string {
  return socCategoryLabel(slug).toLowerCase();
}

/** What an entity is, in the words of `suggested_for`, with the phrase each is described by. */
function entityTags(entity: PictureEntity): { tag: string; phrase: string }[] {
  const tags: { tag: string; phrase: string }[] = [];
  const kinds = entity.properties.premisesKind ?? [];
  switch (entity.schema) {
    case 'Premises':
      if (kinds.includes('licensed premises'))
        tags.push({ tag: 'licensed-premises', phrase: 'a licensed premises' });
      if (kinds.includes('house in multiple occupation'))
        tags.push({ tag: 'hmo', phrase: 'a house in multiple occupation' });
      tags.push({ tag: 'premises', phrase: `premises${kinds.length ? ` (${kinds.join(', ')})` : ''}` });
      break;
    case 'Address':
      tags.push({ tag: 'address', phrase: 'an address' });
      break;
    case 'Vehicle':
      tags.push({ tag: 'vehicle', phrase: 'a vehicle' });
      break;
    case 'Business': {
      const number = entity.properties.companyNumber?.[0];
      if (number) tags.push({ tag: 'company', phrase: `a registered company (number ${number})` });
      tags.push({ tag: 'business', phrase: 'a business' });
      break;
    }
    case 'Phone':
      tags.push({ tag: 'phone', phrase: 'a phone' });
      break;
    case 'BankAccount':
      tags.push({ tag: 'bank-account', phrase: 'a bank account' });
      break;
    case 'OnlineAccount':
      tags.push({ tag: 'online-account', phrase: 'an online account' });
      break;
    case 'Person':
      if (entity.role === 'principal') tags.push({ tag: 'principal', phrase: 'a principal' });
      if (entity.role === 'enabler') tags.push({ tag: 'enabler', phrase: 'an enabler' });
      tags.push({ tag: 'person', phrase: 'a person' });
      break;
  }
  return tags;
}

function relation(entity: PictureEntity, about: PlanPicture['about']): string {
  if (entity.via)
    return `${entity.via.reads} ${entity.via.caption}, ${about === 'ocg' ? 'a member of this OCG' : 'the subject of this plan'}`;
  if (
    entity.role === 'principal' ||
    entity.role === 'enabler' ||
    entity.role === 'significant' ||
    entity.role === 'peripheral'
  )
    return `in this OCG (role: ${entity.role})`;
  return about === 'ocg' ? 'linked to this OCG' : 'linked to the subject of this plan';
}

function entityReason(
  entity: PictureEntity,
  phrase: string,
  tag: string,
  about: PlanPicture['about'],
): string {
  if (tag === 'principal') return `${entity.caption} is a principal of this OCG`;
  if (tag === 'enabler')
    return `${entity.caption} is an enabler of this OCG (for example a lawyer or accountant)`;
  if (entity.subject) return `${entity.caption}, the subject of this plan, is ${phrase}`;
  return `${entity.caption} is ${phrase} ${relation(entity, about)}`;
}

function victimTags(victim: PictureVictim, about: PlanPicture['about']): { tag: string; reason: string }[] {
  const where =
    about === 'ocg' ? 'intelligence about this OCG' : 'intelligence about the subject of this plan';
  const tags = [{ tag: 'victim', reason: `${victim.caption} is recorded as a victim in ${where}` }];
  if (victim.child)
    tags.push({
      tag: 'child-victim',
      reason: `${victim.caption} is a child recorded as a victim in ${where}`,
    });
  else
    tags.push({
      tag: 'adult-victim',
      reason: `${victim.caption} is an adult recorded as a victim in ${where}`,
    });
  if (victim.cuckooing)
    tags.push({
      tag: 'cuckooing-victim',
      reason: `${victim.caption} may be a cuckooing victim: ${victim.cuckooing}`,
    });
  if (victim.trafficking)
    tags.push({
      tag: 'trafficking-victim',
      reason: `${victim.caption} may be a victim of trafficking: ${victim.trafficking}`,
    });
  return tags;
}

const specificityOf = (tag: string): number =>
  Object.hasOwn(SUGGESTED_FOR, tag) ? SUGGESTED_FOR[tag as keyof typeof SUGGESTED_FOR] : CATEGORY_SPECIFICITY;

/**
 * The tactics the picture suggests: one per tactic and target, for the most specific thing that
 * suggested it. A tactic suggested only by the OCG's categories has no target, and is left out when
 * the same tactic is already suggested for a target. Order: strand (Pursue, Prevent, Protect,
 * Prepare), then the more specific first, then the tactic's name, then the target's name.
 */
export function suggestTactics(picture: PlanPicture, tactics: readonly TacticRow[]): Suggestion[] {
  const candidates: { tag: string; target: Suggestion['target']; reason: string }[] = [];
  for (const entity of picture.entities) {
    for (const { tag, phrase } of entityTags(entity)) {
      candidates.push({
        tag,
        target: { id: entity.id, caption: entity.caption, kind: 'entity' },
        reason: entityReason(entity, phrase, tag, picture.about),
      });
    }
  }
  for (const victim of picture.victims) {
    for (const { tag, reason } of victimTags(victim, picture.about)) {
      candidates.push({ tag, target: { id: victim.id, caption: victim.caption, kind: 'victim' }, reason });
    }
  }
  for (const category of picture.categories) {
    candidates.push({
      tag: `category:${category}`,
      target: null,
      reason: `This OCG is involved in ${categoryName(category)}`,
    });
  }

  // A tactic for adults ('adult-victim') is never suggested for a child, whatever else matches.
  const children = new Set(picture.victims.filter((victim) => victim.child).map((victim) => victim.id));
  const best = new Map<string, Suggestion>();
  for (const tactic of tactics) {
    if (tactic.retired) continue;
    const wanted = new Set(tactic.suggested_for);
    const adultsOnly = wanted.has('adult-victim');
    for (const candidate of candidates) {
      if (!wanted.has(candidate.tag)) continue;
      if (adultsOnly && candidate.target && children.has(candidate.target.id)) continue;
      const specificity = specificityOf(candidate.tag);
      const key = `${tactic.id}|${candidate.target?.id ?? ''}`;
      const existing = best.get(key);
      if (existing && existing.specificity >= specificity) continue;
      best.set(key, {
        tactic: { id: tactic.id, key: tactic.key, name: tactic.name, strand: tactic.strand },
        target: candidate.target,
        because: candidate.tag,
        reason: candidate.reason,
        specificity,
      });
    }
  }
  const targeted = new Set([...best.values()].filter((s) => s.target).map((s) => s.tactic.id));
  const suggestions = [...best.values()].filter((s) => s.target || !targeted.has(s.tactic.id));
  return suggestions.sort(
    (a, b) =>
      STRANDS.indexOf(a.tactic.strand) - STRANDS.indexOf(b.tactic.strand) ||
      b.specificity - a.specificity ||
      compare(a.tactic.name, b.tactic.name) ||
      compare(a.target?.caption ?? '', b.target?.caption ?? '') ||
      compare(a.target?.id ?? '', b.target?.id ?? '') ||
      compare(a.tactic.id, b.tactic.id),
  );
}

// Plain code-unit order, not the locale's: the same order on every machine.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
