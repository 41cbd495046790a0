import type { z } from 'zod';
import { inputErrorDetail } from './error-detail';
import { ValidationError } from './validation-error';

/**
 * Builds once a parser for `schema`: it returns the parsed output or throws a ValidationError whose detail
 * keys are dotted paths inside the value (issues about the value itself go under `rootKey`).
 */
export function validator<S extends z.ZodType>(schema: S, rootKey = 'body'): (value: unknown) => z.output<S> {
  return (value) => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    throw new ValidationError(inputErrorDetail(result.error, rootKey, value));
  };
}
