/**
 * Turns zod failures into the GOV.UK error pattern: one message per field, an error summary
 * list linking to each field, in the order the fields were declared.
 */
import type { z } from 'zod';

export interface FormErrors {
  /** Field name → its message. */
  readonly byField: Readonly<Record<string, string>>;
  /** For govukErrorSummary: text and a link to the field. */
  readonly list: readonly { text: string; href: string }[];
}

export function fieldErrorsOf(error: z.ZodError): FormErrors {
  const byField: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      byField[''] ??=
        `Remove the unexpected field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
      continue;
    }
    const field = issue.path.map(String).join('-');
    byField[field] ??= issue.message;
  }
  return formErrors(byField);
}

/** Builds FormErrors from messages written by hand (e.g. "Enter a correct email and password"). */
export function formErrors(byField: Record<string, string>): FormErrors {
  return {
    byField,
    list: Object.entries(byField).map(([field, text]) => ({
      text,
      href: field ? `#${field}` : '#main-content',
    })),
  };
}
