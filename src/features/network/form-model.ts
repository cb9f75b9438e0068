/** The network form's choices and labels, with the answers given (presentation only). */
import { LINK_TYPES } from '../intelligence/index.js';
import { DISRUPTION_METRICS } from './metrics/disruption.js';
import { SIZE_METRICS } from './schemas.js';

export const METRIC_LABELS: Record<(typeof DISRUPTION_METRICS)[number], string> = {
  betweenness: 'Betweenness (brokers first)',
  degree: 'Degree (most links first)',
  closeness: 'Closeness',
  eigenvector: 'Eigenvector',
  pagerank: 'PageRank',
  coreNumber: 'Core number',
};

export const SIZE_LABELS: Record<(typeof SIZE_METRICS)[number], string> = {
  betweenness: 'Betweenness (brokers largest)',
  degree: 'Degree (most links largest)',
  closeness: 'Closeness',
  eigenvector: 'Eigenvector',
  pagerank: 'PageRank',
  coreNumber: 'Core number',
};

/** The form's choices, with the answers given. */
export function formModel(values: Record<string, unknown>) {
  const chosen = (name: string): string[] => {
    const value = values[name];
    return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  };
  const seeds = [...chosen('seed'), ...chosen('seeds')].join('\n');
  const selected = (name: string, value: string) => chosen(name).includes(value);
  const select = (name: string, options: [string, string][], blank: string) => [
    { value: '', text: blank, selected: !chosen(name).length },
    ...options.map(([value, text]) => ({ value, text, selected: selected(name, value) })),
  ];
  return {
    values: { ...values, seeds, hops: typeof values.hops === 'string' ? values.hops : '2' },
    ocg: typeof values.ocg === 'string' ? values.ocg : '',
    linkTypeItems: Object.entries(LINK_TYPES).map(([value, spec]) => ({
      value,
      text: spec.label,
      checked: selected('linkType', value),
    })),
    confidenceItems: select(
      'minConfidence',
      [
        ['low', 'Low'],
        ['medium', 'Medium'],
        ['high', 'High'],
      ],
      'Any',
    ),
    sourceItems: select(
      'minSource',
      [
        ['1', '1: reliable'],
        ['2', '2 or better'],
        ['3', '3 or better'],
      ],
      'Any, or not graded',
    ),
    informationItems: select(
      'minInformation',
      ['A', 'B', 'C', 'D', 'E'].map((grade): [string, string] => [
        grade,
        grade === 'A' ? 'A' : `${grade} or better`,
      ]),
      'Any, or not graded',
    ),
  };
}
