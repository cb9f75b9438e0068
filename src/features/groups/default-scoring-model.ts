/**
 * The default harm scoring model, shipped as data and offered to the database once (seed.ts).
 * Inspired by MoRiLE (harm, threat, capability and intent, vulnerability, confidence) and by the
 * OCG mapping practice of banding groups for prioritisation; it is the partnership's own model,
 * not a national one. Confidence is recorded and shown but weighs 0: how sure the assessor is
 * should not make a group look more or less harmful, only tell readers how far to trust the score.
 */
import type { ScoringDefinition } from './scoring.js';

const scale = (meanings: [string, string, string, string, string]) => ({
  min: 1,
  max: 5,
  points: meanings.map((meaning, i) => ({ value: i + 1, meaning })),
});

export const DEFAULT_SCORING_MODEL: {
  key: string;
  version: number;
  name: string;
  description: string;
  definition: ScoringDefinition;
} = {
  key: 'partnership-ocg-harm',
  version: 1,
  name: 'Partnership OCG harm model',
  description:
    'A MoRiLE-inspired model for prioritising organised crime groups: harm, threat, capability and intent, and the vulnerability of the people and places affected, each scored 1 to 5 with a rationale; confidence is recorded alongside. Bands A (highest harm) to D.',
  definition: {
    dimensions: [
      {
        key: 'harm',
        label: 'Harm',
        description:
          'The physical, psychological, financial and community harm the group causes, to victims and to the area.',
        scale: scale([
          'Minimal: little harm to anyone',
          'Minor: limited harm, quickly put right',
          'Moderate: real harm to individuals or a neighbourhood',
          'Serious: lasting harm, violence or exploitation of adults',
          'Critical: serious violence, firearms, or exploitation of children or adults at risk',
        ]),
        weight: 3,
      },
      {
        key: 'threat',
        label: 'Threat',
        description: 'How much offending, how often and how widely: the scale and reach of the group.',
        scale: scale([
          'Isolated: occasional offending in one place',
          'Local: regular offending in one town',
          'Established: sustained offending across the district',
          'Extensive: across the county, or supplying other groups',
          'Cross-border: county lines, national or international reach',
        ]),
        weight: 2,
      },
      {
        key: 'capability-intent',
        label: 'Capability and intent',
        description:
          'What the group is able to do (money, people, weapons, corruption, counter-surveillance) and how set it is on doing it.',
        scale: scale([
          'Little capability and no clear intent',
          'Some capability, opportunistic',
          'Organised: clear roles, steady intent',
          'Well resourced: laundering, violence when challenged',
          'Highly capable: weapons, corrupt insiders, determined to expand',
        ]),
        weight: 2,
      },
      {
        key: 'vulnerability',
        label: 'Vulnerability and organisational position',
        description:
          'The vulnerability of the people and places the group uses or harms (children, adults at risk, cuckooed homes), and how embedded the group is in legitimate businesses and the community.',
        scale: scale([
          'No vulnerable people involved; not embedded',
          'Some vulnerability; little foothold in legitimate business',
          'Vulnerable adults used; some businesses or premises involved',
          'Children or several vulnerable adults exploited; businesses used as fronts',
          'Systematic exploitation of children or adults at risk; deeply embedded',
        ]),
        weight: 2,
      },
      {
        key: 'confidence',
        label: 'Confidence',
        description:
          'How sure the assessor is of the picture, from the grades and number of supporting items. Recorded and shown beside the score; it does not change the total.',
        scale: scale([
          'Very low: single ungraded source',
          'Low: few sources, mostly untested',
          'Moderate: several sources, some corroborated',
          'High: corroborated by reliable sources',
          'Very high: confirmed by evidence',
        ]),
        weight: 0,
      },
    ],
    bands: [
      {
        label: 'Band A (highest harm)',
        minimum: 34,
        description: 'Tackle first: a multi-agency 4P plan and a named lead.',
      },
      { label: 'Band B', minimum: 26, description: 'High harm: a 4P plan and regular review.' },
      { label: 'Band C', minimum: 18, description: 'Moderate harm: disrupt through partners’ routine work.' },
      {
        label: 'Band D (lowest harm)',
        minimum: 0,
        description: 'Monitor: review when new intelligence arrives.',
      },
    ],
  },
};
