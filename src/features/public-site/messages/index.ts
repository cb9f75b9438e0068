/**
 * The public site's message catalogue: `t('findHelp.danger.question')` for a sentence, `tm(key)`
 * for a list. A key missing from a translation falls back to English; a key missing from English
 * is a programming error and throws, so a page that uses one fails its tests rather than showing
 * a blank.
 */
import { en, type Messages } from './en.js';

/** Languages with a full catalogue. Add one by writing a `Messages` file and listing it here. */
export const CATALOGUES = { en } as const satisfies Record<string, Messages>;
export type Locale = keyof typeof CATALOGUES;
const DEFAULT_LOCALE: Locale = 'en';

export type Params = Readonly<Record<string, string | number>>;

function lookup(messages: unknown, key: string): unknown {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Fills `{name}` from params; a placeholder with no value is left as it is, so it shows in tests. */
export function interpolate(text: string, params: Params = {}): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export interface Translator {
  locale: Locale;
  /** A sentence, with `{name}` placeholders filled from params. */
  t: (key: string, params?: Params) => string;
  /** Anything else in the catalogue: a list of paragraphs, a list of browsers. */
  tm: (key: string) => unknown;
}

export function translator(locale: Locale = DEFAULT_LOCALE): Translator {
  const find = (key: string): unknown => {
    const value = lookup(CATALOGUES[locale], key) ?? lookup(CATALOGUES[DEFAULT_LOCALE], key);
    if (value === undefined) throw new Error(`No message "${key}" in the public site's catalogue`);
    return value;
  };
  return {
    locale,
    t(key, params) {
      const value = find(key);
      if (typeof value !== 'string') throw new Error(`Message "${key}" is not a sentence`);
      return interpolate(value, params);
    },
    tm: find,
  };
}
