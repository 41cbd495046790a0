import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validator } from './validate';
import { ValidationError } from './validation-error';

function failure(parse: (value: unknown) => unknown, value: unknown): ValidationError {
  try {
    parse(value);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('validator', () => {
  const user = z.strictObject({
    name: z.string(),
    email: z.email(),
    role: z.enum(['admin', 'user']).default('user'),
    address: z.object({ city: z.string(), street: z.string() }),
    tags: z.array(z.string()).max(2),
    joined: z.iso.date().transform((text) => new Date(text)),
  });
  const parse = validator(user);

  it('returns the parsed output, defaults and transforms applied', () => {
    const output = parse({
      name: 'Ada',
      email: 'ada@example.com',
      address: { city: 'London', street: 'St James' },
      tags: [],
      joined: '1843-01-01',
    });
    expect(output.role).toBe('user');
    expect(output.joined).toBeInstanceOf(Date);
  });

  it("throws a ValidationError with Flama's detail", () => {
    const error = failure(parse, {
      name: 7,
      email: 'not-an-email',
      role: 'root',
      address: { city: 'Paris' },
      tags: ['a', 1],
      joined: '1843-01-01',
      extra: true,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ValidationError');
    expect(error.detail).toEqual({
      name: ['Invalid input: expected string, received number'],
      email: ['Invalid email address'],
      role: ['Invalid option: expected one of "admin"|"user"'],
      'address.street': ['Required'],
      'tags.1': ['Invalid input: expected string, received number'],
      extra: ['Unrecognized key'],
    });
    expect(error.message).toContain('address.street: Required');
    expect(failure(parse, { tags: ['a', 'b', 'c'] }).detail.tags).toEqual([
      'Too big: expected array to have <=2 items',
    ]);
  });

  it('says "Required" for any missing value, whatever its type', () => {
    const error = failure(parse, {});
    expect(error.detail).toEqual({
      name: ['Required'],
      email: ['Required'],
      address: ['Required'],
      tags: ['Required'],
      joined: ['Required'],
    });
    const choice = validator(
      z.object({ kind: z.enum(['a', 'b']), either: z.union([z.string(), z.number()]) }),
    );
    expect(failure(choice, {}).detail).toEqual({ kind: ['Required'], either: ['Required'] });
  });

  it('puts a failure of the whole value under the root key', () => {
    expect(failure(parse, 'a string').detail).toEqual({
      body: ['Invalid input: expected object, received string'],
    });
    expect(failure(validator(user, 'payload'), null).detail).toEqual({
      payload: ['Invalid input: expected object, received null'],
    });
    const refined = validator(
      z.object({ a: z.number(), b: z.number() }).refine((value) => value.a < value.b, 'a must be below b'),
    );
    expect(failure(refined, { a: 2, b: 1 }).detail).toEqual({ body: ['a must be below b'] });
  });

  it("keeps a schema's own message for a missing value", () => {
    const custom = validator(z.object({ name: z.string({ error: 'Name, please' }) }));
    expect(failure(custom, {}).detail).toEqual({ name: ['Name, please'] });
  });

  it('accepts a message of its own', () => {
    expect(new ValidationError({ a: ['b'] }, 'Bad query').message).toBe('Bad query');
    expect(new ValidationError({}).message).toBe('Validation failed');
  });
});
