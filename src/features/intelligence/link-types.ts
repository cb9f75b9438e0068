/**
 * The types of link between entities, declared once as data like the schemas in schema.ts: their
 * words both ways, whether direction matters, and which kinds of entity each may join.
 */
import { ENTITY_SCHEMA_NAMES, type EntitySchemaName } from './entity-schemas.js';

/** A type of link: its words both ways, whether direction matters, and what it may join. */
export interface LinkTypeSpec {
  label: string;
  /** How the link reads from the other end ("director of" ← "has director"). */
  reverseLabel: string;
  directed: boolean;
  from: readonly EntitySchemaName[];
  to: readonly EntitySchemaName[];
}

const PEOPLE = ['Person'] as const;
const PEOPLE_AND_BUSINESSES = ['Person', 'Business'] as const;
const PLACES = ['Address', 'Premises'] as const;
const ANYTHING = ENTITY_SCHEMA_NAMES;

export const LINK_TYPES = {
  'associate-of': {
    label: 'associate of',
    reverseLabel: 'associate of',
    directed: false,
    from: PEOPLE,
    to: PEOPLE,
  },
  'family-of': { label: 'family of', reverseLabel: 'family of', directed: false, from: PEOPLE, to: PEOPLE },
  'director-of': {
    label: 'director of',
    reverseLabel: 'has director',
    directed: true,
    from: PEOPLE,
    to: ['Business'],
  },
  'employee-of': {
    label: 'employee of',
    reverseLabel: 'employs',
    directed: true,
    from: PEOPLE,
    to: ['Business', 'Premises'],
  },
  'lives-at': { label: 'lives at', reverseLabel: 'home of', directed: true, from: PEOPLE, to: PLACES },
  'uses-vehicle': {
    label: 'uses vehicle',
    reverseLabel: 'used by',
    directed: true,
    from: PEOPLE_AND_BUSINESSES,
    to: ['Vehicle'],
  },
  'uses-phone': {
    label: 'uses phone',
    reverseLabel: 'used by',
    directed: true,
    from: PEOPLE_AND_BUSINESSES,
    to: ['Phone'],
  },
  'uses-account': {
    label: 'uses account',
    reverseLabel: 'used by',
    directed: true,
    from: PEOPLE_AND_BUSINESSES,
    to: ['OnlineAccount', 'BankAccount'],
  },
  owns: {
    label: 'owns',
    reverseLabel: 'owned by',
    directed: true,
    from: PEOPLE_AND_BUSINESSES,
    to: ANYTHING,
  },
  visits: {
    label: 'visits',
    reverseLabel: 'visited by',
    directed: true,
    from: PEOPLE_AND_BUSINESSES,
    to: PLACES,
  },
  controls: {
    label: 'controls',
    reverseLabel: 'controlled by',
    directed: true,
    from: PEOPLE_AND_BUSINESSES,
    to: ANYTHING,
  },
  exploits: {
    label: 'exploits',
    reverseLabel: 'exploited by',
    directed: true,
    from: PEOPLE_AND_BUSINESSES,
    to: PEOPLE,
  },
  calls: { label: 'calls', reverseLabel: 'called by', directed: true, from: ['Phone'], to: ['Phone'] },
  'operates-at': {
    label: 'operates at',
    reverseLabel: 'has business',
    directed: true,
    from: ['Business'],
    to: PLACES,
  },
  'registered-to': {
    label: 'registered to',
    reverseLabel: 'has registered',
    directed: true,
    from: ['Vehicle', 'Phone', 'BankAccount', 'Business'],
    to: ['Person', 'Business', 'Address'],
  },
} as const satisfies Record<string, LinkTypeSpec>;

export type LinkTypeName = keyof typeof LINK_TYPES;

export function isLinkType(value: unknown): value is LinkTypeName {
  return typeof value === 'string' && Object.hasOwn(LINK_TYPES, value);
}

/** Whether a link of this type may join entities of these schemas (either way round if undirected). */
export function linkFits(type: LinkTypeName, from: EntitySchemaName, to: EntitySchemaName): boolean {
  const spec: LinkTypeSpec = LINK_TYPES[type];
  const fits = (a: EntitySchemaName, b: EntitySchemaName) => spec.from.includes(a) && spec.to.includes(b);
  return fits(from, to) || (!spec.directed && fits(to, from));
}
