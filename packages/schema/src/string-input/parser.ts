import type { z } from 'zod';
import { inputErrorDetail } from '../error-detail';
import { ValidationError } from '../validation-error';
import { FAILED, type FieldCoercion, fieldCoercion } from './coerce';

/** Raw query, path or header values: a key repeated in a query string arrives as an array. */
export type RawStringInput = Record<string, string | string[] | undefined>;

/**
 * Builds once, from a z.object, a parser for string inputs (query strings, path params, headers): each field's
 * raw text becomes what it expects (numbers, integers, bigints, booleans, dates, number literals/enums, arrays
 * from repeated keys), then the object is validated. Errors are keyed by parameter name; unknown keys are ignored.
 */
export function stringInputParser<S extends z.ZodObject>(
  schema: S,
  rootKey: 'query' | 'path' | 'header' | (string & {}),
): (raw: RawStringInput) => z.output<S> {
  const keys = Object.keys(schema.shape);
  const coercions: FieldCoercion[] = keys.map((key) => fieldCoercion(schema.shape[key]!));
  // zod reads fields with `input[key]`, so a field named like an Object.prototype member ("constructor") would
  // find the inherited one when absent. Only then pay for a prototype-less object.
  const bare = keys.some((key) => key in Object.prototype);

  return (raw) => {
    const input: Record<string, unknown> = bare ? Object.create(null) : {};
    let failures: Map<string, string> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const coercion = coercions[i]!;
      // Only own string values count: anything else (absent, or inherited from a plain object's prototype) is absent.
      const value = raw[key];
      const many = Array.isArray(value);
      if (typeof value !== 'string' && !many) continue;

      if (coercion.array) {
        const texts = many ? value : [value];
        const items: unknown[] = [];
        for (const text of texts) {
          const item = coercion.scalar(text);
          if (item === undefined) continue;
          if (item === FAILED) {
            if (coercion.message) failures = failed(failures, `${key}.${items.length}`, coercion.message);
            items.push(text);
          } else items.push(item);
        }
        input[key] = items;
        continue;
      }
      // A single-valued field given several times takes the last one, as Starlette (and so Flama) does.
      const text = many ? value[value.length - 1] : value;
      if (text === undefined) continue;
      const item = coercion.scalar(text);
      if (item === FAILED) {
        if (coercion.message) failures = failed(failures, key, coercion.message);
        input[key] = text;
      } else if (item !== undefined) input[key] = item;
    }

    const result = schema.safeParse(input);
    if (result.success) return result.data;
    const detail = inputErrorDetail(result.error, rootKey, input);
    if (failures) {
      for (const [path, message] of failures) {
        // An own key (checked first) shadows Object.prototype, so plain assignment is safe here.
        if (Object.hasOwn(detail, path)) detail[path] = [message];
      }
    }
    throw new ValidationError(detail);
  };
}

function failed(
  failures: Map<string, string> | undefined,
  path: string,
  message: string,
): Map<string, string> {
  const map = failures ?? new Map<string, string>();
  map.set(path, message);
  return map;
}
