import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorDetail } from './error-detail';

function detailOf(schema: z.ZodType, value: unknown, rootKey?: string) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return errorDetail(result.error, rootKey);
}

describe('errorDetail', () => {
  const user = z.object({
    email: z.email(),
    address: z.object({ city: z.string(), zip: z.string().length(5) }),
    items: z.array(z.object({ name: z.string() })),
  });

  it('keys nested fields and array items by dotted path', () => {
    expect(
      detailOf(user, { email: 'nope', address: { city: 3, zip: '1' }, items: [{ name: 'a' }, { name: 1 }] }),
    ).toEqual({
      email: ['Invalid email address'],
      'address.city': ['Invalid input: expected string, received number'],
      'address.zip': ['Too small: expected string to have exactly 5 characters'],
      'items.1.name': ['Invalid input: expected string, received number'],
    });
  });

  it('reads a missing value as "Required" even from a ZodError built elsewhere', () => {
    expect(detailOf(user, { email: 'a@b.co', items: [] })).toEqual({ address: ['Required'] });
  });

  it('puts issues about the value itself under the root key', () => {
    expect(detailOf(user, 'a string')).toEqual({ body: ['Invalid input: expected object, received string'] });
    expect(detailOf(z.string(), 1, 'query')).toEqual({
      query: ['Invalid input: expected string, received number'],
    });
  });

  it('lists each unrecognized key of a strict object under its own path', () => {
    const strict = z.strictObject({ a: z.string(), inner: z.strictObject({ b: z.string() }) });
    expect(detailOf(strict, { a: 'x', extra: 1, other: 2, inner: { b: 'y', deep: 3 } })).toEqual({
      extra: ['Unrecognized key'],
      other: ['Unrecognized key'],
      'inner.deep': ['Unrecognized key'],
    });
  });

  it('keeps a "__proto__" key from the input a plain key', () => {
    const strict = z.strictObject({ a: z.string().optional() });
    const detail = detailOf(strict, JSON.parse('{"__proto__": 1}'));
    expect(Object.getPrototypeOf(detail)).toBe(Object.prototype);
    expect(Object.keys(detail)).toEqual(['__proto__']);
    expect(JSON.stringify(detail)).toBe('{"__proto__":["Unrecognized key"]}');
  });

  it('gathers several messages for one field, once each', () => {
    const password = z.object({ password: z.string().min(8).regex(/\d/, 'Needs a digit') });
    expect(detailOf(password, { password: 'abc' })).toEqual({
      password: ['Too small: expected string to have >=8 characters', 'Needs a digit'],
    });
  });
});
