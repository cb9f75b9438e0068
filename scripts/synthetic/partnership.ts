/**
 * A synthetic partnership for bench:search, drawn from a seeded random stream so the same seed
 * always gives the same people, items and queries. Pure: no database here (load.ts writes it).
 *
 * People have UK and Eastern European names (with the feminine surname forms those languages
 * use), familiar names, street names and misspellings as aliases, dates of birth and an address
 * with a Cornish or UK postcode. Items read like intelligence: who was seen where doing what,
 * naming people (sometimes misspelt, as reporters do), places, drugs, vehicles and phones.
 */
import { normaliseName } from '../../src/features/intelligence/schema.js';
import { SOC_CATEGORY_CODES } from '../../src/features/vocabularies/soc-categories.js';
import {
  COLOURS,
  DRUGS,
  NAME_STOCKS,
  PLACES,
  STREET_NAMES,
  STREETS,
  VEHICLES,
  type NameStock,
} from './names.js';

/** mulberry32: small, fast and good enough for test data; the same seed gives the same stream. */
export function randomStream(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(list: readonly T[]): T => list[int(list.length)] as T,
    /** A v4-shaped UUID from the stream, so ids are deterministic too. */
    uuid(): string {
      const hex = Array.from({ length: 32 }, () => int(16).toString(16));
      hex[12] = '4';
      hex[16] = (int(4) + 8).toString(16);
      const s = hex.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}
export type RandomStream = ReturnType<typeof randomStream>;

const CUMULATIVE_STOCKS = (() => {
  let total = 0;
  return NAME_STOCKS.map((stock) => ({ stock, upTo: (total += stock.share) }));
})();
const STOCK_TOTAL = CUMULATIVE_STOCKS[CUMULATIVE_STOCKS.length - 1]?.upTo ?? 100;

/**
 * Names are not uniform: a few are very common, most rare. Lists are in order of how common, and
 * u^1.6 makes the first of 120 surnames about one in twenty (Smith is about one Briton in 80, with
 * the long tail from `tail` making up the rest).
 */
function skewedPick<T>(random: RandomStream, list: readonly T[]): T {
  const u = random.next();
  return list[Math.min(list.length - 1, Math.floor(list.length * u ** 1.6))] as T;
}

function surnameOf(random: RandomStream, stock: NameStock): string {
  if (stock.tail && random.chance(0.5)) {
    const end = random.pick(stock.tail.ends);
    const start = random.pick(stock.tail.starts);
    return start.endsWith(end.charAt(0)) ? `${start}${end.slice(1)}` : `${start}${end}`;
  }
  return skewedPick(random, stock.surnames);
}

function pickStock(random: RandomStream): NameStock {
  const u = random.next() * STOCK_TOTAL;
  return (CUMULATIVE_STOCKS.find((entry) => u < entry.upTo) ?? { stock: NAME_STOCKS[0] as NameStock }).stock;
}

/** How people misspell a name they heard or half-remember. */
const SOUND_SWAPS: readonly [RegExp, string][] = [
  [/y/, 'i'],
  [/i/, 'y'],
  [/w/, 'v'],
  [/v/, 'w'],
  [/sz/, 'sh'],
  [/cz/, 'ch'],
  [/ck/, 'k'],
  [/ph/, 'f'],
  [/th/, 't'],
  [/k/, 'c'],
  [/c(?=[aou])/, 'k'],
  [/ie/, 'ei'],
  [/ou/, 'u'],
  [/ll/, 'l'],
  [/ss/, 's'],
  [/nn/, 'n'],
  [/ei/, 'ie'],
];

/** One realistic error: a sound swap, a dropped, doubled or swapped letter, or accents lost. */
export function misspell(random: RandomStream, name: string): string {
  const plain =
    normaliseName(name) === name.toLowerCase()
      ? name
      : name
          .normalize('NFKD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/ł/g, 'l');
  for (let attempt = 0; attempt < 6; attempt++) {
    const kind = random.int(4);
    let out = plain;
    if (kind === 0) {
      const [pattern, replacement] = random.pick(SOUND_SWAPS);
      const words = plain.split(' ');
      const w = random.int(words.length);
      words[w] = (words[w] ?? '').replace(pattern, replacement);
      out = words.join(' ');
    } else {
      const positions = Array.from({ length: plain.length }, (_, i) => i).filter(
        (i) => i > 0 && /[a-z]/i.test(plain.charAt(i)),
      );
      if (!positions.length) continue;
      const i = random.pick(positions);
      if (kind === 1) out = plain.slice(0, i) + plain.slice(i + 1);
      else if (kind === 2) out = plain.slice(0, i) + plain.charAt(i) + plain.slice(i);
      else if (i + 1 < plain.length && /[a-z]/i.test(plain.charAt(i + 1))) {
        out = plain.slice(0, i) + plain.charAt(i + 1) + plain.charAt(i) + plain.slice(i + 2);
      }
    }
    if (out !== name && out !== plain) return out;
  }
  return plain !== name ? plain : `${name}e`;
}

export interface SyntheticPerson {
  id: string;
  name: string;
  aliases: string[];
  birthDate: string;
  nationality: string;
  gender: 'female' | 'male';
  /** Under 18 on the reference day: need-to-know. */
  child: boolean;
  address: { full: string; postcode: string; town: string };
}

const REFERENCE_DAY = Date.UTC(2026, 10, 23);
const DAY = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function postcode(random: RandomStream, district: string): string {
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  return `${district} ${random.int(10)}${letters[random.int(letters.length)]}${letters[random.int(letters.length)]}`;
}

export function person(random: RandomStream): SyntheticPerson {
  const stock = pickStock(random);
  const gender = random.chance(0.55) ? 'male' : 'female';
  const first = skewedPick(random, gender === 'male' ? stock.male : stock.female);
  const baseSurname = surnameOf(random, stock);
  const surname = gender === 'female' && stock.feminine ? stock.feminine(baseSurname) : baseSurname;
  const middle =
    stock.nationality === 'GB' && random.chance(0.15)
      ? ` ${skewedPick(random, stock.male.concat(stock.female))}`
      : '';
  const name = `${first}${middle} ${surname}`;
  const aliases: string[] = [];
  if (random.chance(0.3)) {
    const familiar = stock.familiar?.[first];
    if (familiar && random.chance(0.6)) aliases.push(`${familiar} ${surname}`);
    else aliases.push(misspell(random, `${first} ${surname}`));
  }
  if (random.chance(0.08)) aliases.push(random.pick(STREET_NAMES));
  if (gender === 'female' && random.chance(0.05)) aliases.push(`${first} ${surnameOf(random, stock)}`);
  // Mostly adults 18-60; about 3% under 18.
  const ageDays = random.chance(0.03) ? 12 * 365 + random.int(6 * 365) : 18 * 365 + random.int(45 * 365);
  const birthDate = isoDay(REFERENCE_DAY - ageDays * DAY);
  const place = random.next() < 0.85 ? random.pick(PLACES.slice(0, 28)) : random.pick(PLACES);
  const full = `${1 + random.int(120)} ${random.pick(STREETS)}, ${place.town}`;
  return {
    id: random.uuid(),
    name,
    aliases: [...new Set(aliases)].filter((alias) => alias !== name),
    birthDate,
    nationality: stock.nationality,
    gender,
    child: ageDays < 18 * 365,
    address: { full, postcode: postcode(random, random.pick(place.district)), town: place.town },
  };
}

export const SOC_CATEGORIES = SOC_CATEGORY_CODES;

export interface SyntheticItem {
  id: string;
  body: string;
  categories: string[];
  area: string;
  receivedAt: string;
  occurredOn: string;
  grade: { sourceEvaluation: '1' | '2' | '3'; informationAssessment: 'A' | 'B' | 'C' | 'D' | 'E' } | null;
  /** Ids of the people the item names (involvements). */
  mentions: string[];
}

/** A UK number plate, like AB12 CDE. */
export function vrm(random: RandomStream): string {
  const letters = 'ABCDEFGHJKLMNOPRSTUVWXY';
  const l = () => letters[random.int(letters.length)];
  return `${l()}${l()}${String(10 + random.int(15)).padStart(2, '0')} ${l()}${l()}${l()}`;
}

/** A UK mobile number. */
export function phone(random: RandomStream): string {
  return `07${String(random.int(1e9)).padStart(9, '0')}`;
}

type Template = (parts: {
  a: string;
  b: string;
  place: string;
  street: string;
  house: number;
  drug: string;
  car: string;
  phone: string;
  nick: string;
}) => { text: string; categories: string[] };

const TEMPLATES: readonly Template[] = [
  (p) => ({
    text: `Cuckooing reported at ${p.house} ${p.street}, ${p.place}. The tenant, a vulnerable adult, has had ${p.a} staying for two weeks with several young males. Callers arrive at all hours and leave after a few minutes. ${p.drug} believed to be supplied from the flat.`,
    categories: ['illegal-drugs'],
  }),
  (p) => ({
    text: `${p.a} is believed to be running the "${p.nick}" deal line into ${p.place}, using ${p.phone}. Runners travel down by train from outside the county and stay in local addresses. ${p.b} collects cash from them at ${p.street}.`,
    categories: ['illegal-drugs'],
  }),
  (p) => ({
    text: `A ${p.car} was seen parked outside ${p.house} ${p.street}, ${p.place}, for several hours. ${p.a} was seen handing small packages through the window to people on foot. Suspected dealing of ${p.drug}.`,
    categories: ['illegal-drugs'],
  }),
  (p) => ({
    text: `Licensing visit to the hand car wash on ${p.street}, ${p.place}. Workers appeared not to speak English and said they live on site. ${p.a} described as the boss; ${p.b} drives the workers in a ${p.car}. Possible modern slavery and labour exploitation.`,
    categories: ['modern-slavery-and-human-trafficking', 'organised-immigration-crime'],
  }),
  (p) => ({
    text: `Trading Standards test purchase at a nail bar in ${p.place}. Staff said ${p.a} holds their passports and takes their wages. Up to eight people sleeping in the flat above. ${p.b} collects rent in cash.`,
    categories: ['modern-slavery-and-human-trafficking'],
  }),
  (p) => ({
    text: `Elderly resident in ${p.place} lost £14,000 to a courier fraud. A man calling himself ${p.a} phoned from ${p.phone} claiming to be from the bank. Cash was collected from the doorstep on ${p.street} by a driver in a ${p.car}.`,
    categories: ['fraud'],
  }),
  (p) => ({
    text: `${p.a} is opening bank accounts for young people in ${p.place} and paying them to let money pass through. Suspected money mule recruitment. ${p.b} uses the accounts to move cash from the ${p.drug} trade.`,
    categories: ['money-laundering-and-economic-crime', 'illegal-drugs'],
  }),
  (p) => ({
    text: `School reports a 15 year old from ${p.place} missing overnight, returning with new clothes and a second phone. Seen getting into a ${p.car} driven by ${p.a}. Concerns of criminal exploitation and county lines.`,
    categories: ['child-sexual-exploitation-and-abuse', 'illegal-drugs'],
  }),
  (p) => ({
    text: `Anonymous report: ${p.a} keeps a firearm at ${p.house} ${p.street}, ${p.place}, and has shown it to people at the pub. ${p.b} is said to have supplied it.`,
    categories: ['illegal-firearms'],
  }),
  (p) => ({
    text: `HMO at ${p.house} ${p.street}, ${p.place} is overcrowded; landlord ${p.a} houses workers from the fish factory and deducts rent and transport from wages. Housing officers were refused entry by ${p.b}.`,
    categories: ['modern-slavery-and-human-trafficking'],
  }),
  (p) => ({
    text: `Online account selling fake designer goods and vapes to children in ${p.place}; payments go to an account in the name of ${p.a}. Parcels delivered to ${p.street}.`,
    categories: ['cyber-crime', 'fraud'],
  }),
  (p) => ({
    text: `Council officer was offered cash by ${p.a} to speed up a premises licence for a late-night takeaway on ${p.street}, ${p.place}.`,
    categories: ['bribery-and-corruption'],
  }),
];

export interface ItemContext {
  /** People the item may name: a sample of the population. */
  people: readonly SyntheticPerson[];
}

export function item(random: RandomStream, context: ItemContext): SyntheticItem {
  const first = random.pick(context.people);
  const second = random.pick(context.people);
  const say = (someone: SyntheticPerson) => {
    const roll = random.next();
    if (roll < 0.15 && someone.aliases.length) return random.pick(someone.aliases);
    if (roll < 0.3) return misspell(random, someone.name);
    if (roll < 0.4) return someone.name.split(' ').slice(-1)[0] ?? someone.name;
    return someone.name;
  };
  const place = random.next() < 0.9 ? random.pick(PLACES.slice(0, 28)) : random.pick(PLACES);
  const vehicle = random.pick(VEHICLES);
  const template = random.pick(TEMPLATES);
  const { text, categories } = template({
    a: say(first),
    b: say(second),
    place: place.town,
    street: random.pick(STREETS),
    house: 1 + random.int(120),
    drug: random.pick(DRUGS),
    car: `${random.pick(COLOURS)} ${vehicle.make} ${vehicle.model} (${vrm(random)})`,
    phone: phone(random),
    nick: random.pick(STREET_NAMES),
  });
  const receivedMs = REFERENCE_DAY - random.int(3 * 365) * DAY - random.int(DAY);
  const graded = random.chance(0.8);
  return {
    id: random.uuid(),
    body: text,
    categories,
    area: place.town,
    receivedAt: new Date(receivedMs).toISOString(),
    occurredOn: isoDay(receivedMs - random.int(14) * DAY),
    grade: graded
      ? {
          sourceEvaluation: random.pick(['1', '2', '2', '3'] as const),
          informationAssessment: random.pick(['A', 'B', 'B', 'C', 'C', 'D', 'E'] as const),
        }
      : null,
    mentions: [...new Set([first.id, second.id])],
  };
}

/** Queries people type for a name: a misspelt name of someone who exists. */
export function nameQuery(random: RandomStream, someone: SyntheticPerson): string {
  return misspell(random, someone.name);
}

/** Queries people type for words: the way an analyst searches the text. */
export function textQuery(random: RandomStream, someone: SyntheticPerson): string {
  const surname = someone.name.split(' ').slice(-1)[0] ?? someone.name;
  const town = random.pick(PLACES.slice(0, 28)).town;
  const forms = [
    () => `${surname} ${town}`,
    () => `cuckooing ${random.pick(STREETS)}`,
    () => `"county lines" ${town}`,
    () => `${random.pick(DRUGS)} ${town}`,
    () => `nail bar passports ${town}`,
    () => someone.name,
    () => `car wash workers ${town}`,
    () => `courier fraud ${random.pick(VEHICLES).make}`,
    () => `deal line ${random.pick(STREET_NAMES)}`,
    () => `firearm ${surname}`,
  ];
  return random.pick(forms)();
}
