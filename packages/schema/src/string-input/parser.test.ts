import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../validation-error';
import { type RawStringInput, stringInputParser } from './parser';
import { repeatableKeys } from './repeatable-keys';

function detail(parse: (raw: RawStringInput) => unknown, raw: RawStringInput): Record<string, string[]> {
  try {
    parse(raw);
  } catch (error) {
    if (error instanceof ValidationError) return error.detail;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('stringInputParser', () => {
  it('coerces numbers, integers and bigints', () => {
    const parse = stringInputParser(z.object({ price: z.number(), page: z.int(), big: z.bigint() }), 'query');
    expect(parse({ price: '9.5', page: '3', big: '12345678901234567890' })).toEqual({
      price: 9.5,
      page: 3,
      big: 12345678901234567890n,
    });
    expect(parse({ price: '-1e3', page: '-2', big: '-1' })).toEqual({ price: -1000, page: -2, big: -1n });
    expect(detail(parse, { price: 'abc', page: '1.5', big: '1.5' })).toEqual({
      price: ['Expected a number'],
      page: ['Expected an integer'],
      big: ['Expected an integer'],
    });
    expect(detail(parse, { price: '0x10', page: 'Infinity', big: 'x' })).toEqual({
      price: ['Expected a number'],
      page: ['Expected an integer'],
      big: ['Expected an integer'],
    });
  });

  it("keeps zod's checks after coercion", () => {
    const parse = stringInputParser(z.object({ page: z.int().min(1) }), 'query');
    expect(detail(parse, { page: '0' })).toEqual({ page: ['Too small: expected number to be >=1'] });
  });

  it("coerces booleans from 'true'/'false'/'1'/'0'", () => {
    const parse = stringInputParser(z.object({ flag: z.boolean() }), 'query');
    expect(parse({ flag: 'true' })).toEqual({ flag: true });
    expect(parse({ flag: 'TRUE' })).toEqual({ flag: true });
    expect(parse({ flag: '1' })).toEqual({ flag: true });
    expect(parse({ flag: 'false' })).toEqual({ flag: false });
    expect(parse({ flag: '0' })).toEqual({ flag: false });
    expect(detail(parse, { flag: 'yes' })).toEqual({
      flag: ["Expected a boolean ('true', 'false', '1' or '0')"],
    });
  });

  it('coerces dates', () => {
    const parse = stringInputParser(z.object({ since: z.date() }), 'query');
    expect(parse({ since: '2024-05-01T10:00:00Z' })).toEqual({ since: new Date('2024-05-01T10:00:00Z') });
    expect(detail(parse, { since: 'yesterday' })).toEqual({ since: ['Expected a date (ISO 8601)'] });
  });

  it('leaves strings, string formats and string enums as they are', () => {
    const parse = stringInputParser(
      z.object({ name: z.string(), id: z.uuid(), order: z.enum(['asc', 'desc']), code: z.string() }),
      'path',
    );
    const id = '5f0c8a0e-3b8e-4c1a-9d1e-1a2b3c4d5e6f';
    expect(parse({ name: 'x', id, order: 'asc', code: '007' })).toEqual({
      name: 'x',
      id,
      order: 'asc',
      code: '007',
    });
    expect(detail(parse, { name: '', id: 'nope', order: 'up', code: '1' })).toEqual({
      id: ['Invalid UUID'],
      order: ['Invalid option: expected one of "asc"|"desc"'],
    });
  });

  it('finds number enums and literals by their text', () => {
    enum Level {
      Low = 1,
      High = 2,
    }
    const parse = stringInputParser(
      z.object({
        version: z.literal([1, 2]),
        level: z.enum(Level),
        exact: z.literal(true),
        kind: z.literal('a'),
      }),
      'query',
    );
    expect(parse({ version: '2', level: '1', exact: 'true', kind: 'a' })).toEqual({
      version: 2,
      level: Level.Low,
      exact: true,
      kind: 'a',
    });
    expect(Object.keys(detail(parse, { version: '3', level: 'Low', exact: 'false', kind: 'a' }))).toEqual([
      'version',
      'level',
      'exact',
    ]);
  });

  it('builds arrays from repeated keys or a single value', () => {
    const parse = stringInputParser(
      z.object({ id: z.array(z.int()), tag: z.array(z.string()).optional() }),
      'query',
    );
    expect(parse({ id: ['1', '2', '3'], tag: ['a', 'b'] })).toEqual({ id: [1, 2, 3], tag: ['a', 'b'] });
    expect(parse({ id: '7', tag: 'a' })).toEqual({ id: [7], tag: ['a'] });
    expect(parse({ id: [] })).toEqual({ id: [] });
    expect(detail(parse, { id: ['1', 'two', '3'] })).toEqual({ 'id.1': ['Expected an integer'] });
  });

  it('takes the last value of a single-valued key given several times', () => {
    const parse = stringInputParser(z.object({ page: z.int() }), 'query');
    expect(parse({ page: ['1', '2'] })).toEqual({ page: 2 });
  });

  it('applies defaults and optionals, treating an empty value of a non-string field as absent', () => {
    const parse = stringInputParser(
      z.object({
        page: z.int().default(1),
        size: z.int().optional(),
        flag: z.boolean().default(false),
        search: z.string().optional(),
      }),
      'query',
    );
    expect(parse({})).toEqual({ page: 1, flag: false });
    expect(parse({ page: '', size: '', flag: '', search: '' })).toEqual({ page: 1, flag: false, search: '' });
    expect(parse({ page: undefined, size: '5' })).toEqual({ page: 1, size: 5, flag: false });
    const required = stringInputParser(z.object({ id: z.int() }), 'path');
    expect(detail(required, {})).toEqual({ id: ['Required'] });
    expect(detail(required, { id: '' })).toEqual({ id: ['Required'] });
  });

  it("reads 'null' for a nullable non-string field", () => {
    const parse = stringInputParser(
      z.object({ parent: z.int().nullable(), label: z.string().nullable() }),
      'query',
    );
    expect(parse({ parent: 'null', label: 'null' })).toEqual({ parent: null, label: 'null' });
    expect(parse({ parent: '4', label: 'x' })).toEqual({ parent: 4, label: 'x' });
  });

  it('tries the options of a union in order', () => {
    const parse = stringInputParser(z.object({ limit: z.union([z.int(), z.literal('all')]) }), 'query');
    expect(parse({ limit: '5' })).toEqual({ limit: 5 });
    expect(parse({ limit: 'all' })).toEqual({ limit: 'all' });
    expect(Object.keys(detail(parse, { limit: 'some' }))).toEqual(['limit']);
  });

  it('coerces the input side of pipes and leaves preprocessors their raw text', () => {
    const parse = stringInputParser(
      z.object({
        cents: z.int().transform((value) => value * 100),
        csv: z.preprocess((value) => String(value).split(','), z.array(z.string())),
      }),
      'query',
    );
    expect(parse({ cents: '3', csv: 'a,b' })).toEqual({ cents: 300, csv: ['a', 'b'] });
  });

  it("keeps zod's outcome when a fallback accepts what coercion could not", () => {
    const parse = stringInputParser(z.object({ page: z.int().catch(1) }), 'query');
    expect(parse({ page: 'abc' })).toEqual({ page: 1 });
  });

  it('ignores unknown keys, even on strict objects, and keys inherited from Object.prototype', () => {
    const parse = stringInputParser(
      z.strictObject({ q: z.string().optional(), constructor: z.string().optional() }),
      'query',
    );
    expect(parse({ q: 'x', other: 'y' })).toEqual({ q: 'x' });
    expect(parse({})).toEqual({});
  });

  it('keys errors by parameter name, and whole-object failures by the root key', () => {
    const range = z
      .object({ from: z.int(), to: z.int() })
      .refine((value) => value.from <= value.to, 'from must not be after to');
    const parse = stringInputParser(range, 'query');
    expect(detail(parse, { from: '5', to: '1' })).toEqual({ query: ['from must not be after to'] });
    expect(detail(parse, { from: 'a' })).toEqual({ from: ['Expected an integer'], to: ['Required'] });
  });
});

describe('repeatableKeys', () => {
  it('names the fields that take lists, through optional and default wrappers', () => {
    const schema = z.object({
      tags: z.array(z.string()).default([]),
      ids: z.array(z.int()).optional(),
      page: z.int().default(1),
      name: z.string(),
    });
    expect([...repeatableKeys(schema)].sort()).toEqual(['ids', 'tags']);
  });
});
