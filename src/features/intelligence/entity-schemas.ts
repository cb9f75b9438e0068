/**
 * The kinds of entity Lantern holds, declared once as data (in the manner of FollowTheMoney):
 * their typed properties, which properties name them and which identify them. schema.ts derives
 * forms, validation, captions, search names and import keys from these.
 */
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
