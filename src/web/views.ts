/** Nunjucks, finding GOV.UK Frontend's and MoJ Frontend's macros in their packages. */
import type { Express } from 'express';
import nunjucks from 'nunjucks';
import { projectPath } from '../paths.js';
import type { FormErrors } from './validation.js';

export interface ViewSettings {
  partnershipName: string;
  quickExitUrl: string;
  version: string;
  /** Reload templates from disk on every render (development). */
  watch: boolean;
}

export function configureViews(app: Express, settings: ViewSettings): nunjucks.Environment {
  const env = nunjucks.configure(
    [
      projectPath('node_modules/govuk-frontend/dist'),
      projectPath('node_modules/@ministryofjustice/frontend'),
      projectPath('src/web/views'),
      projectPath('src/features'),
    ],
    { autoescape: true, throwOnUndefined: false, noCache: settings.watch, express: app },
  );
  env.addGlobal('partnershipName', settings.partnershipName);
  env.addGlobal('quickExitUrl', settings.quickExitUrl);
  env.addGlobal('version', settings.version);
  /** The message for one field, in the shape GOV.UK macros take for `errorMessage`. */
  env.addFilter('fieldError', (errors: FormErrors | undefined, field: string) => {
    const text = errors?.byField[field];
    return text ? { text } : undefined;
  });
  app.set('view engine', 'njk');
  return env;
}
