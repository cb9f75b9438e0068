/**
 * The entity forms, generated from the schema module: one field per property with its label,
 * hint and choices, a text area (one value a line) for properties that take several values. The
 * same field list builds the "add" and "change" forms, and reads their answers back, so a property
 * added to schema.ts appears in both without touching a template.
 */
import { z } from 'zod';
import { CLASSIFICATIONS } from '../../access/markings.js';
import {
  checkProperties,
  CONFIDENCES,
  ENTITY_SCHEMA_NAMES,
  ENTITY_SCHEMAS,
  isEntitySchema,
  LINK_TYPES,
  PROPERTY_TYPES,
  SUBJECT_CATEGORIES,
  schemaSpec,
  type EntityProperties,
  type EntitySchemaName,
  type PropertyErrors,
} from '../schema.js';

/** The form field holding a property: prefixed so no property can clash with the form's own fields. */
export const fieldName = (property: string): string => `p_${property}`;

export interface PropertyField {
  name: string;
  label: string;
  hint: string | undefined;
  kind: 'input' | 'textarea' | 'radios';
  value: string;
  items?: { value: string; text: string; checked: boolean }[];
}

/** The fields of one schema's form, filled with `values` (form answers as strings). */
export function propertyFields(schema: EntitySchemaName, values: Record<string, unknown>): PropertyField[] {
  const spec = schemaSpec(schema);
  return Object.entries(spec.properties).map(([property, prop]) => {
    const name = fieldName(property);
    const given = values[name];
    const value = typeof given === 'string' ? given : '';
    const typeHint = PROPERTY_TYPES[prop.type].hint;
    const hint = prop.multiple
      ? [prop.hint ?? typeHint, 'One a line'].filter(Boolean).join('. ')
      : (prop.hint ?? typeHint);
    if (prop.choices) {
      return {
        name,
        label: prop.label,
        hint,
        kind: 'radios',
        value,
        items: [
          ...prop.choices.map((choice) => ({
            value: choice,
            text: capitalise(choice),
            checked: value === choice,
          })),
          { value: '', text: 'Not known', checked: value === '' },
        ],
      };
    }
    return { name, label: prop.label, hint, kind: prop.multiple ? 'textarea' : 'input', value };
  });
}

/** An entity's stored properties as form answers: several values one a line. */
export function propertiesAsValues(properties: EntityProperties): Record<string, string> {
  return Object.fromEntries(
    Object.entries(properties).map(([property, values]) => [fieldName(property), values.join('\n')]),
  );
}

/** Form answers → the input checkProperties takes (several values split by line). */
export function propertyInput(
  schema: EntitySchemaName,
  body: Record<string, unknown>,
): Record<string, string[]> {
  const spec = schemaSpec(schema);
  const input: Record<string, string[]> = {};
  for (const [name, raw] of Object.entries(body)) {
    if (!name.startsWith('p_') || typeof raw !== 'string') continue;
    const property = name.slice(2);
    const multiple = spec.properties[property]?.multiple === true;
    input[property] = multiple ? raw.split(/\r?\n/) : [raw];
  }
  return input;
}

/** checkProperties' errors, keyed by form field. */
export function propertyErrors(errors: PropertyErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([property, text]) => [fieldName(property), text]));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every property field any schema has: the body schema accepts these and nothing else. */
const ALL_PROPERTY_FIELDS = [
  ...new Set(
    Object.values(ENTITY_SCHEMAS).flatMap((spec) => Object.keys(spec.properties).map((p) => fieldName(p))),
  ),
];
const propertyShape = Object.fromEntries(
  ALL_PROPERTY_FIELDS.map((name) => [
    name,
    z.string().max(5000, 'Enter 5,000 characters or fewer').optional(),
  ]),
);

export const schemaOptions = ENTITY_SCHEMA_NAMES.map((name) => ({
  value: name,
  text: ENTITY_SCHEMAS[name].label,
}));
export const categoryOptions = Object.entries(SUBJECT_CATEGORIES).map(([value, text]) => ({ value, text }));

const schemaField = z
  .string({ error: 'Choose what kind of entity it is' })
  .refine(isEntitySchema, 'Choose what kind of entity it is');
const categoryField = z.enum(Object.keys(SUBJECT_CATEGORIES) as [keyof typeof SUBJECT_CATEGORIES], {
  error: 'Choose how the person is involved in this item',
});
const uuid = z.uuid({ error: 'Choose one' });

/** Step 1: what kind of entity, and its name as the officer knows it. */
export const startSchema = z.strictObject({
  schema: schemaField,
  name: z
    .string({ error: 'Enter a name' })
    .trim()
    .min(1, 'Enter a name, number or address to look for')
    .max(300, 'Enter 300 characters or fewer'),
});

/** Step 2: one of the suggestions, or a new entity; for a person, how they are involved. */
export const matchSchema = z
  .strictObject({
    schema: schemaField,
    name: z.string().trim().min(1).max(300),
    choice: z.union([uuid, z.literal('new')], {
      error: 'Choose one of the entities or "No, create a new one"',
    }),
    category: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (
      value.schema === 'Person' &&
      value.choice !== 'new' &&
      !categoryField.safeParse(value.category).success
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'Choose how the person is involved in this item',
      });
    }
  });

/** Step 3: the entity's properties, and for a person their category and whether a child. */
export const detailsSchema = z
  .strictObject({
    schema: schemaField,
    name: z.string().max(300).optional(),
    category: z.string().optional(),
    child: z.literal('yes').optional(),
    classification: z.enum(CLASSIFICATIONS, { error: 'Choose a classification' }),
    handling: z.enum(['P', 'C'], { error: 'Choose a handling code' }),
    conditions: z.string().trim().max(500, 'Enter 500 characters or fewer').optional(),
    ...propertyShape,
  })
  .superRefine((value, ctx) => {
    // The properties are checked here too, so every mistake on the page is shown at once.
    const checked = checkProperties(value.schema, propertyInput(value.schema, value));
    if (!checked.ok) {
      for (const [field, message] of Object.entries(propertyErrors(checked.errors))) {
        ctx.addIssue({ code: 'custom', path: [field], message });
      }
    }
    if (value.schema === 'Person' && !categoryField.safeParse(value.category).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'Choose how the person is involved in this item',
      });
    }
    if (value.child === 'yes' && value.schema !== 'Person') {
      ctx.addIssue({ code: 'custom', path: ['child'], message: 'Only a person can be marked as a child' });
    }
    if (value.child === 'yes' && value.classification !== 'OFFICIAL-SENSITIVE') {
      ctx.addIssue({
        code: 'custom',
        path: ['classification'],
        message: 'A record about a child must be OFFICIAL-SENSITIVE',
      });
    }
    if (value.handling === 'C' && !value.conditions) {
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'Enter the handling conditions' });
    }
  });
export type DetailsAnswers = z.output<typeof detailsSchema>;

/** Changing an entity: its properties only (markings and the child flag are not changed here). */
export const editSchema = z.strictObject({ ...propertyShape });

const isoDate = z
  .string()
  .trim()
  .refine((text) => text === '' || isRealDate(text), 'Enter a real date, like 2026-04-27')
  .optional();

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A link: which two entities, how they are linked, when, and how sure. */
export const linkSchema = z
  .strictObject({
    from: z.uuid({ error: 'Choose the first entity' }),
    to: z.uuid({ error: 'Choose the second entity' }),
    type: z
      .string({ error: 'Choose a type of link' })
      .refine((t) => Object.hasOwn(LINK_TYPES, t), 'Choose a type of link'),
    startDate: isoDate,
    endDate: isoDate,
    confidence: z.enum(CONFIDENCES, { error: 'Choose how confident you are in this link' }),
    /** The name search the choices came from, so a refused form can offer the same ones again. */
    q: z.string().trim().max(200).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.from === value.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Choose two different entities' });
    }
    if (value.startDate && value.endDate && value.endDate < value.startDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: 'The end date must be the same as or after the start date',
      });
    }
  });

/** The optional name search on the link page: other entities the viewer may see. */
export const linkQuerySchema = z.strictObject({
  q: z.string().trim().max(200, 'Enter 200 characters or fewer').optional(),
});
