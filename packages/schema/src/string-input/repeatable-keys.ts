import type { z } from 'zod';
import { fieldCoercion } from './coerce';

/** The fields of a string-input schema that take a list, so that a repeated query key must be read whole. */
export function repeatableKeys(schema: z.ZodObject): ReadonlySet<string> {
  return new Set(Object.keys(schema.shape).filter((key) => fieldCoercion(schema.shape[key]!).array));
}
