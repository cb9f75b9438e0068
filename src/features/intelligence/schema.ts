/**
 * The entity model, declared once as data (in the manner of FollowTheMoney): which kinds of
 * entity Lantern holds, their typed properties, which properties name them and which identify
 * them, and the types of link between them. Forms, validation, captions, search names and
 * deterministic import keys are all derived from these tables, so adding a property is one line.
 */
import { createHash } from 'node:crypto';

/** How a property's value is checked and written down. */
export const PROPERTY_TYPES = {
  text: { label: 'Text', hint: undefined },
  name: { label: 'Name', hint: undefined },
  date: { label: 'Date', hint: 'For example, 1990-04-27' },
  postcode: { label: 'Postcode', hint: 'For example, TR1 2AB' },
  vrm: { label: 'Registration', hint: 'For example, WK19 ABC' },
  phone: { label: 'Phone number', hint: 'UK numbers like 07700 900123 are fine; others need +country code' },
  email: { label: 'Email address', hint: undefined },
  url: { label: 'Web address', hint: 'Starting https://' },
  companyNumber: { label: 'Company number', hint: '8 characters, for example 01234567 or SC123456' },
  sortCode: { label: 'Sort code', hint: 'For example, 40-11-62' },
  accountNumber: { label: 'Account number', hint: '8 digits' },
  coordinates: { label: 'Coordinates', hint: 'Latitude, longitude: for example, 50.2632, -5.0510' },
  country: { label: 'Country', hint: 'For example, GB or Romania' },
} as const;
export type PropertyType = keyof typeof PROPERTY_TYPES;

export interface PropertySpec {
  label: string;
  type: PropertyType;
  /** Several values allowed (aliases, more than one phone number). */
  multiple?: boolean;
  /** Offered as a choice rather than free text. */
  choices?: readonly string[];
  hint?: string;
}

export interface EntitySchemaSpec {
  label: string;
  plural: string;
  /** The property that must be given: it names the entity. */
  required: string;
  properties: Record<string, PropertySpec>;
  /** Properties whose values the entity is known and searched by (names and aliases). */
  names: readonly string[];
  /** Properties shown together as the entity's caption, in order, the first given one first. */
  caption: readonly string[];
  /**
   * Properties that together identify a real-world thing (a VRM, a company number, a name with a
   * date of birth). Imports key records on these, namespaced by source, so re-importing upserts.
   */
  identifiers: readonly string[];
  /** May be flagged as a child (under 18). */
  mayBeChild?: boolean;
}

const NOTES: PropertySpec = { label: 'Notes', type: 'text' };

export const ENTITY_SCHEMAS = {
  Person: {
    label: 'Person',
    plural: 'People',
    required: 'name',
    properties: {
      name: { label: 'Full name', type: 'name' },
      alias: {
        label: 'Also known as',
        type: 'name',
        multiple: true,
        hint: 'Nicknames, street names, other spellings',
      },
      birthDate: { label: 'Date of birth', type: 'date' },
      nationality: { label: 'Nationality', type: 'country' },
      gender: { label: 'Gender', type: 'text', choices: ['female', 'male', 'other', 'not known'] },
      notes: NOTES,
    },
    names: ['name', 'alias'],
    caption: ['name'],
    identifiers: ['name', 'birthDate'],
    mayBeChild: true,
  },
  Business: {
    label: 'Business',
    plural: 'Businesses',
    required: 'name',
    properties: {
      name: { label: 'Business name', type: 'name' },
      alias: { label: 'Trading as', type: 'name', multiple: true },
      companyNumber: { label: 'Company number', type: 'companyNumber' },
      businessType: { label: 'Kind of business', type: 'text', hint: 'For example, car wash, takeaway' },
      website: { label: 'Website', type: 'url' },
      notes: NOTES,
    },
    names: ['name', 'alias'],
    caption: ['name'],
    identifiers: ['companyNumber'],
  },
  Address: {
    label: 'Address',
    plural: 'Addresses',
    required: 'full',
    properties: {
      full: { label: 'Address', type: 'text', hint: 'House number or name, street and town' },
      postcode: { label: 'Postcode', type: 'postcode' },
      coordinates: { label: 'Coordinates', type: 'coordinates' },
      notes: NOTES,
    },
    names: ['full'],
    caption: ['full', 'postcode'],
    identifiers: ['full', 'postcode'],
  },
  Premises: {
    label: 'Premises',
    plural: 'Premises',
    required: 'name',
    properties: {
      name: { label: 'Premises name', type: 'name' },
      premisesKind: {
        label: 'Kind of premises',
        type: 'text',
        choices: [
          'licensed premises',
          'house in multiple occupation',
          'car wash',
          'nail bar',
          'barber',
          'takeaway',
          'shop',
          'vape shop',
          'massage parlour',
          'farm or factory',
          'other',
        ],
      },
      licenceNumber: { label: 'Licence number', type: 'text' },
      postcode: { label: 'Postcode', type: 'postcode' },
      coordinates: { label: 'Coordinates', type: 'coordinates' },
      notes: NOTES,
    },
    names: ['name'],
    caption: ['name', 'postcode'],
    identifiers: ['name', 'postcode'],
  },
  Vehicle: {
    label: 'Vehicle',
    plural: 'Vehicles',
    required: 'registration',
    properties: {
      registration: { label: 'Registration (VRM)', type: 'vrm' },
      make: { label: 'Make', type: 'text' },
      model: { label: 'Model', type: 'text' },
      colour: { label: 'Colour', type: 'text' },
      notes: NOTES,
    },
    names: ['registration'],
    caption: ['registration', 'make', 'model', 'colour'],
    identifiers: ['registration'],
  },
  Phone: {
    label: 'Phone',
    plural: 'Phones',
    required: 'number',
    properties: {
      number: { label: 'Phone number', type: 'phone' },
      imei: { label: 'IMEI', type: 'text' },
      notes: NOTES,
    },
    names: ['number'],
    caption: ['number'],
    identifiers: ['number'],
  },
  OnlineAccount: {
    label: 'Email or online account',
    plural: 'Email and online accounts',
    required: 'handle',
    properties: {
      handle: { label: 'Email address, username or handle', type: 'text' },
      service: { label: 'Service', type: 'text', hint: 'For example, Snapchat, Telegram, email' },
      email: { label: 'Email address', type: 'email' },
      notes: NOTES,
    },
    names: ['handle'],
    caption: ['handle', 'service'],
    identifiers: ['service', 'handle'],
  },
  BankAccount: {
    label: 'Bank account',
    plural: 'Bank accounts',
    required: 'accountNumber',
    properties: {
      accountNumber: { label: 'Account number', type: 'accountNumber' },
      sortCode: { label: 'Sort code', type: 'sortCode' },
      bankName: { label: 'Bank', type: 'text' },
      holderName: { label: 'Account holder name', type: 'name' },
      notes: NOTES,
    },
    names: ['holderName', 'accountNumber'],
    caption: ['accountNumber', 'sortCode', 'bankName'],
    identifiers: ['sortCode', 'accountNumber'],
  },
} as const satisfies Record<string, EntitySchemaSpec>;

export type EntitySchemaName = keyof typeof ENTITY_SCHEMAS;
export const ENTITY_SCHEMA_NAMES = Object.keys(ENTITY_SCHEMAS) as EntitySchemaName[];
/** Properties as stored: every property is a list of strings, like FollowTheMoney's. */
export type EntityProperties = Record<string, string[]>;

export function isEntitySchema(value: unknown): value is EntitySchemaName {
  return typeof value === 'string' && Object.hasOwn(ENTITY_SCHEMAS, value);
}

export function schemaSpec(name: EntitySchemaName): EntitySchemaSpec {
  return ENTITY_SCHEMAS[name];
}

type Checked = { ok: true; value: string } | { ok: false; message: string };

const ok = (value: string): Checked => ({ ok: true, value });
const bad = (message: string): Checked => ({ ok: false, message });

function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text && Number(match[1]) >= 1900;
}

/**
 * Checks and normalises one value of a property type. Normalised values are what is stored and
 * matched: upper-case postcodes with one space, VRMs without spaces, phones in E.164.
 */
export function checkValue(type: PropertyType, raw: string, label: string): Checked {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text.length === 0) return bad(`Enter ${label.toLowerCase()}`);
  if (text.length > 300) return bad(`${label} must be 300 characters or fewer`);
  switch (type) {
    case 'text':
    case 'name':
    case 'country':
      return ok(text);
    case 'date':
      return isRealDate(text) ? ok(text) : bad(`${label} must be a real date, like 1990-04-27`);
    case 'postcode': {
      const compact = text.toUpperCase().replace(/\s/g, '');
      const match = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/.exec(compact);
      return match ? ok(`${match[1]} ${match[2]}`) : bad(`${label} must be a UK postcode, like TR1 2AB`);
    }
    case 'vrm': {
      const compact = text.toUpperCase().replace(/[\s-]/g, '');
      return /^[A-Z0-9]{2,8}$/.test(compact)
        ? ok(compact)
        : bad(`${label} must be 2 to 8 letters and numbers`);
    }
    case 'phone': {
      const digits = text.replace(/[\s()-]/g, '');
      if (/^0\d{9,10}$/.test(digits)) return ok(`+44${digits.slice(1)}`);
      if (/^\+[1-9]\d{6,14}$/.test(digits)) return ok(digits);
      if (/^00[1-9]\d{6,14}$/.test(digits)) return ok(`+${digits.slice(2)}`);
      return bad(`${label} must be a phone number, like 07700 900123 or +40 712 345 678`);
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)
        ? ok(text.toLowerCase())
        : bad(`${label} must be an email address, like name@example.com`);
    case 'url':
      return /^https?:\/\/[^\s]+\.[^\s]+$/i.test(text) ? ok(text) : bad(`${label} must start with https://`);
    case 'companyNumber': {
      const compact = text.toUpperCase().replace(/\s/g, '');
      return /^([0-9]{8}|[A-Z]{2}[0-9]{6})$/.test(compact)
        ? ok(compact)
        : bad(`${label} must be 8 characters, like 01234567 or SC123456`);
    }
    case 'sortCode': {
      const digits = text.replace(/[\s-]/g, '');
      return /^\d{6}$/.test(digits)
        ? ok(`${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4)}`)
        : bad(`${label} must be 6 digits, like 40-11-62`);
    }
    case 'accountNumber': {
      const digits = text.replace(/\s/g, '');
      return /^\d{8}$/.test(digits) ? ok(digits) : bad(`${label} must be 8 digits`);
    }
    case 'coordinates': {
      const match = /^(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(text);
      if (!match) return bad(`${label} must be latitude, longitude, like 50.2632, -5.0510`);
      const [lat, lon] = [Number(match[1]), Number(match[2])];
      return Math.abs(lat) <= 90 && Math.abs(lon) <= 180
        ? ok(`${lat}, ${lon}`)
        : bad(`${label} are out of range`);
    }
  }
}

export type PropertyErrors = Record<string, string>;

/**
 * Checks a whole set of properties against a schema: unknown properties, a missing name,
 * several values where only one is allowed, values outside the choices, and each value's format.
 * Returns the normalised properties (empty values dropped) or the errors keyed by property.
 */
export function checkProperties(
  schemaName: EntitySchemaName,
  input: Record<string, readonly string[]>,
): { ok: true; properties: EntityProperties } | { ok: false; errors: PropertyErrors } {
  const spec = schemaSpec(schemaName);
  const errors: PropertyErrors = {};
  const properties: EntityProperties = {};
  for (const [name, values] of Object.entries(input)) {
    const property = spec.properties[name];
    if (!property) {
      errors[name] = `${spec.label} has no property called ${name}`;
      continue;
    }
    const given = values.filter((value) => value.trim() !== '');
    if (given.length === 0) continue;
    if (given.length > 1 && !property.multiple) {
      errors[name] = `${property.label} takes one value`;
      continue;
    }
    const checked: string[] = [];
    for (const value of given) {
      const result = checkValue(property.type, value, property.label);
      if (!result.ok) {
        errors[name] = result.message;
        break;
      }
      if (property.choices && !property.choices.includes(result.value)) {
        errors[name] = `Choose ${property.label.toLowerCase()} from the list`;
        break;
      }
      if (!checked.includes(result.value)) checked.push(result.value);
    }
    if (!errors[name]) properties[name] = checked;
  }
  if (!properties[spec.required] && !errors[spec.required]) {
    const label = spec.properties[spec.required]?.label ?? spec.required;
    errors[spec.required] = `Enter ${label.toLowerCase()}`;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, properties };
}

/** The caption people see: the caption properties' first values, joined. */
export function captionOf(schemaName: EntitySchemaName, properties: EntityProperties): string {
  const spec = schemaSpec(schemaName);
  const parts = spec.caption.map((name) => properties[name]?.[0]).filter((value): value is string => !!value);
  return (parts.join(', ') || spec.label).slice(0, 300);
}

/** The names an entity is searched by, with their kind: the first is its name, others aliases. */
export function namesOf(
  schemaName: EntitySchemaName,
  properties: EntityProperties,
): { name: string; kind: 'name' | 'alias' }[] {
  const spec = schemaSpec(schemaName);
  const names = spec.names.flatMap((property) => properties[property] ?? []);
  return [...new Set(names)].map((name, index) => ({ name, kind: index === 0 ? 'name' : 'alias' }));
}

/**
 * A name as search matches it: lower case, accents removed (Łukasz → lukasz), punctuation to
 * spaces, spaces collapsed. The same function prepares stored names and what a user types.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .slice(0, 300);
}

/**
 * Deterministic identity for imported records: the same identifying values from the same source
 * always give the same key, so a re-import updates rather than duplicates. Returns null when the
 * record lacks its identifying properties (it is then always created new).
 */
export function sourceKey(
  source: string,
  schemaName: EntitySchemaName,
  properties: EntityProperties,
  /** A source may identify its records by other properties (an import mapping's identifiedBy). */
  identifiers: readonly string[] = schemaSpec(schemaName).identifiers,
): string | null {
  const spec = schemaSpec(schemaName);
  const parts = identifiers.map((name) => properties[name]?.[0]);
  if (parts.some((part) => part === undefined)) return null;
  const values = parts.map((part) => normaliseName(part ?? ''));
  // Other identifiers are named in the key, so they never collide with the schema's own; the
  // schema's keys stay as they were.
  const usual =
    identifiers.length === spec.identifiers.length && identifiers.every((n, i) => n === spec.identifiers[i]);
  const identity = JSON.stringify(
    usual ? [schemaName, ...values] : [schemaName, [...identifiers], ...values],
  );
  const digest = createHash('sha256').update(identity).digest('hex').slice(0, 40);
  return `${source}:${schemaName}:${digest}`;
}

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

/** Confidence in a link, lowest first (the network analysis filters by a minimum). */
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** DPA 2018 s38 categories of data subject, for a person's involvement in an item. */
export const SUBJECT_CATEGORIES = {
  suspect: 'Suspect',
  convicted: 'Convicted of an offence',
  victim: 'Victim',
  witness: 'Witness',
  other: 'Other',
} as const;
export type SubjectCategory = keyof typeof SUBJECT_CATEGORIES;

export function isSubjectCategory(value: unknown): value is SubjectCategory {
  return typeof value === 'string' && Object.hasOwn(SUBJECT_CATEGORIES, value);
}
