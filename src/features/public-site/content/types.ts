/** The shapes of public content, as seeded and as read back for pages. */

/** What someone reporting through a channel can expect about being identified (see migration 0003). */
export type Anonymity = 'anonymous' | 'optional' | 'confidential' | 'identified' | 'unknown';

export type ChannelKind = 'emergency' | 'report' | 'support';

export interface SignGroup {
  /** Null when a category has one plain list of signs. */
  heading: string | null;
  items: string[];
}

/** A reporting channel's facts: the same in every language. */
export interface ChannelFacts {
  code: string;
  kind: ChannelKind;
  phone: string | null;
  outOfHoursPhone: string | null;
  textNumber: string | null;
  email: string | null;
  webUrl: string | null;
  anonymity: Anonymity;
  isLocal: boolean;
  verifiedOn: string | null;
  source: string | null;
  verificationNote: string | null;
}

/** A reporting channel's words, in one language. */
export interface ChannelText {
  name: string;
  summary: string;
  openingHours: string | null;
  whoReceives: string;
  anonymityNote: string;
  howTo: string | null;
}

export type Channel = ChannelFacts & ChannelText;

export interface CategoryText {
  name: string;
  summary: string;
  whatItIs: string;
  harm: string;
  signs: SignGroup[];
}

export interface CategorySummary {
  slug: string;
  name: string;
  summary: string;
}

export interface Category extends CategoryText {
  slug: string;
  /** Where to report it, in order. */
  channels: Channel[];
}
