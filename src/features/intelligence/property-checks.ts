/**
 * Checking entity properties against the schemas in schema.ts: each value's format (normalised as
 * stored and matched), the choices, single values, unknown properties and the required name.
 */
import { schemaSpec, type EntityProperties, type EntitySchemaName, type PropertyType } from './schema.js';

type Checked = { ok: true; value: string } | { ok: false; message: string };

const ok = (value: string): Checked => ({ ok: true, value });
const bad = (message: string): Checked => ({ ok: false, message });

function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text && Number(match[1]) >= 1900;
}

/**
 * Checks and normalises one value of a property type. Normalised values are what is stored and
 * matched: upper-case postcodes with one space, VRMs without spaces, phones in E.164.
 */
export function checkValue(type: PropertyType, raw: string, label: string): Checked {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text.length === 0) return bad(`Enter ${label.toLowerCase()}`);
  if (text.length > 300) return bad(`${label} must be 300 characters or fewer`);
  switch (type) {
    case 'text':
    case 'name':
    case 'country':
      return ok(text);
    case 'date':
      return isRealDate(text) ? ok(text) : bad(`${label} must be a real date, like 1990-04-27`);
    case 'postcode': {
      const compact = text.toUpperCase().replace(/\s/g, '');
      const match = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/.exec(compact);
      return match ? ok(`${match[1]} ${match[2]}`) : bad(`${label} must be a UK postcode, like TR1 2AB`);
    }
    case 'vrm': {
      const compact = text.toUpperCase().replace(/[\s-]/g, '');
      return /^[A-Z0-9]{2,8}$/.test(compact)
        ? ok(compact)
        : bad(`${label} must be 2 to 8 letters and numbers`);
    }
    case 'phone': {
      const digits = text.replace(/[\s()-]/g, '');
      if (/^0\d{9,10}$/.test(digits)) return ok(`+44${digits.slice(1)}`);
      if (/^\+[1-9]\d{6,14}$/.test(digits)) return ok(digits);
      if (/^00[1-9]\d{6,14}$/.test(digits)) return ok(`+${digits.slice(2)}`);
      return bad(`${label} must be a phone number, like 07700 900123 or +40 712 345 678`);
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)
        ? ok(text.toLowerCase())
        : bad(`${label} must be an email address, like name@example.com`);
    case 'url':
      return /^https?:\/\/[^\s]+\.[^\s]+$/i.test(text) ? ok(text) : bad(`${label} must start with https://`);
    case 'companyNumber': {
      const compact = text.toUpperCase().replace(/\s/g, '');
      return /^([0-9]{8}|[A-Z]{2}[0-9]{6})$/.test(compact)
        ? ok(compact)
        : bad(`${label} must be 8 characters, like 01234567 or SC123456`);
    }
    case 'sortCode': {
      const digits = text.replace(/[\s-]/g, '');
      return /^\d{6}$/.test(digits)
        ? ok(`${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4)}`)
        : bad(`${label} must be 6 digits, like 40-11-62`);
    }
    case 'accountNumber': {
      const digits = text.replace(/\s/g, '');
      return /^\d{8}$/.test(digits) ? ok(digits) : bad(`${label} must be 8 digits`);
    }
    case 'coordinates': {
      const match = /^(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(text);
      if (!match) return bad(`${label} must be latitude, longitude, like 50.2632, -5.0510`);
      const [lat, lon] = [Number(match[1]), Number(match[2])];
      return Math.abs(lat) <= 90 && Math.abs(lon) <= 180
        ? ok(`${lat}, ${lon}`)
        : bad(`${label} are out of range`);
    }
  }
}

export type PropertyErrors = Record<string, string>;

/**
 * Checks a whole set of properties against a schema: unknown properties, a missing name,
 * several values where only one is allowed, values outside the choices, and each value's format.
 * Returns the normalised properties (empty values dropped) or the errors keyed by property.
 */
export function checkProperties(
  schemaName: EntitySchemaName,
  input: Record<string, readonly string[]>,
): { ok: true; properties: EntityProperties } | { ok: false; errors: PropertyErrors } {
  const spec = schemaSpec(schemaName);
  const errors: PropertyErrors = {};
  const properties: EntityProperties = {};
  for (const [name, values] of Object.entries(input)) {
    const property = spec.properties[name];
    if (!property) {
      errors[name] = `${spec.label} has no property called ${name}`;
      continue;
    }
    const given = values.filter((value) => value.trim() !== '');
    if (given.length === 0) continue;
    if (given.length > 1 && !property.multiple) {
      errors[name] = `${property.label} takes one value`;
      continue;
    }
    const checked: string[] = [];
    for (const value of given) {
      const result = checkValue(property.type, value, property.label);
      if (!result.ok) {
        errors[name] = result.message;
        break;
      }
      if (property.choices && !property.choices.includes(result.value)) {
        errors[name] = `Choose ${property.label.toLowerCase()} from the list`;
        break;
      }
      if (!checked.includes(result.value)) checked.push(result.value);
    }
    if (!errors[name]) properties[name] = checked;
  }
  if (!properties[spec.required] && !errors[spec.required]) {
    const label = spec.properties[spec.required]?.label ?? spec.required;
    errors[spec.required] = `Enter ${label.toLowerCase()}`;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, properties };
}
