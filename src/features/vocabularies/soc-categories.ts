/**
 * The nine serious and organised crime (SOC) categories: the one list every part of Lantern
 * takes them from. Each has the code partner records carry (items, OCGs, public reports, tactics'
 * `category:<code>`), the slug in the public site's addresses (/crime/<slug>, kept so published
 * links keep working), and its name. Migration 0012 puts the same rows in the `soc_category`
 * table, which items, OCGs and reports reference by foreign key; a test checks the two agree.
 */
export const SOC_CATEGORIES = [
  {
    code: 'child-sexual-exploitation-and-abuse',
    slug: 'child-sexual-exploitation',
    label: 'Child sexual exploitation and abuse',
  },
  { code: 'illegal-drugs', slug: 'illegal-drugs', label: 'Illegal drugs' },
  { code: 'illegal-firearms', slug: 'illegal-firearms', label: 'Illegal firearms' },
  { code: 'fraud', slug: 'fraud', label: 'Fraud' },
  {
    code: 'money-laundering-and-economic-crime',
    slug: 'money-laundering',
    label: 'Money laundering and economic crime',
  },
  { code: 'bribery-and-corruption', slug: 'bribery-and-corruption', label: 'Bribery and corruption' },
  {
    code: 'organised-immigration-crime',
    slug: 'organised-immigration-crime',
    label: 'Organised immigration crime',
  },
  {
    code: 'modern-slavery-and-human-trafficking',
    slug: 'modern-slavery',
    label: 'Modern slavery and human trafficking',
  },
  { code: 'cyber-crime', slug: 'cyber-crime', label: 'Cyber crime' },
] as const;

export type SocCategory = (typeof SOC_CATEGORIES)[number];
export type SocCategoryCode = SocCategory['code'];
export type SocCategorySlug = SocCategory['slug'];

/** The codes, in the partnership's order (the table's sort_order). */
export const SOC_CATEGORY_CODES = SOC_CATEGORIES.map((c) => c.code) as [
  SocCategoryCode,
  ...SocCategoryCode[],
];
/** The public site's slugs, in the same order. */
export const SOC_CATEGORY_SLUGS = SOC_CATEGORIES.map((c) => c.slug) as [
  SocCategorySlug,
  ...SocCategorySlug[],
];

/** A public report may say "not sure" instead: nobody should have to name a crime to report a worry. */
export const NOT_SURE = 'not-sure';

export function isSocCategoryCode(value: unknown): value is SocCategoryCode {
  return typeof value === 'string' && SOC_CATEGORIES.some((c) => c.code === value);
}

/** The category's name, or the code itself for one no longer in the list. */
export function socCategoryLabel(code: string): string {
  return SOC_CATEGORIES.find((c) => c.code === code)?.label ?? code;
}
