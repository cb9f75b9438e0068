import { NOT_SURE, SOC_CATEGORY_CODES, type SocCategoryCode } from '../vocabularies/soc-categories.js';

/**
 * What a report can be about: the nine serious and organised crime threats the partnership works
 * on, in plain words, and "not sure" (nobody should have to name a crime to report a worry).
 * The codes are the SOC categories' (features/vocabularies/soc-categories.ts) and "not sure";
 * the compiler checks this table names each once.
 */
export const REPORT_CATEGORIES = {
  'child-sexual-exploitation-and-abuse': {
    label: 'Child sexual exploitation or abuse',
    hint: 'A child or young person being groomed, abused, or made to do sexual things, in person or online.',
  },
  'illegal-drugs': {
    label: 'Illegal drugs',
    hint: 'Drug dealing, a house being used to sell drugs, "county lines" or a cannabis farm.',
  },
  'illegal-firearms': {
    label: 'Illegal guns or weapons',
    hint: 'Someone who has, sells or hides a gun or ammunition.',
  },
  fraud: {
    label: 'Fraud or scams',
    hint: 'Tricking people out of money, for example fake callers, fake websites or fake goods.',
  },
  'money-laundering-and-economic-crime': {
    label: 'Money laundering or other money crime',
    hint: 'Hiding where money comes from, for example through a business that never seems to have customers.',
  },
  'bribery-and-corruption': {
    label: 'Bribery or corruption',
    hint: 'Someone paying or being paid to break the rules, for example in a business or public office.',
  },
  'organised-immigration-crime': {
    label: 'Organised immigration crime',
    hint: 'People being smuggled into the country, or helped to stay by fraud.',
  },
  'modern-slavery-and-human-trafficking': {
    label: 'Modern slavery or human trafficking',
    hint: 'People forced to work or live somewhere, or moved from place to place to be exploited.',
  },
  'cyber-crime': {
    label: 'Cyber crime',
    hint: 'Hacking, ransomware, or taking over online accounts.',
  },
  'not-sure': {
    label: 'I am not sure',
    hint: 'Tell us anyway. We will work it out.',
  },
} as const satisfies Record<SocCategoryCode | typeof NOT_SURE, { label: string; hint: string }>;

export type ReportCategory = SocCategoryCode | typeof NOT_SURE;
export const CATEGORY_CODES: [ReportCategory, ...ReportCategory[]] = [...SOC_CATEGORY_CODES, NOT_SURE];
