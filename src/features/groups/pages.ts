/**
 * What the OCG register's route files share: the permissions, the views folder, paths, date text,
 * form options and the "back to the form with its errors" helper.
 */
import type { Request, Response } from 'express';
import { type FormErrors } from '../../web/validation.js';
import type { FormFlash } from '../access/form-flash.js';
import { OCG_STATUSES } from './queries.js';
import { type ScoringDefinition } from './scoring.js';
import type { OcgCommands } from './service.js';
import type { Database } from '../../db/database.js';
import { formValues, givenParam } from '../../web/partner-pages.js';

export const READ = { permission: 'intelligence:read' } as const;
export const MANAGE = { permission: 'ocg:manage' } as const;
export const REFERENCE = { permission: 'reference-data:manage' } as const;
export const VIEWS = 'groups/views';

export const ocgPath = (id: string) => `/partner/ocgs/${id}`;
export const MODELS = '/partner/ocgs/scoring-models';

export const dateText = (date: Date) =>
  date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });

export const statusOptions = (selected?: string) =>
  Object.entries(OCG_STATUSES).map(([value, text]) => ({ value, text, checked: value === selected }));

/** Each dimension of a model as radios over its scale, with the answers given so far. */
export function dimensionFields(definition: ScoringDefinition, values: Record<string, unknown>) {
  return definition.dimensions.map((d) => ({
    key: d.key,
    label: d.label,
    description: d.description,
    weight: d.weight,
    rationale: typeof values[`rationale-${d.key}`] === 'string' ? values[`rationale-${d.key}`] : '',
    items: d.scale.points
      .slice()
      .sort((a, b) => b.value - a.value)
      .map((p) => ({
        value: String(p.value),
        text: `${p.value}: ${p.meaning}`,
        checked: values[`score-${d.key}`] === String(p.value),
      })),
  }));
}

export interface OcgRouteDependencies {
  commands: OcgCommands;
  flash: FormFlash;
  database: Database;
}

/** Sends an invalid form back to its page (built from the OCG id in the path) with its errors. */
export const backToFor =
  (flash: FormFlash) =>
  (page: (id: string) => string) =>
  (req: Request, res: Response, errors: FormErrors): Promise<void> =>
    flash.redirectWithErrors(res, page(givenParam(req, 'id')), errors, formValues(req));
