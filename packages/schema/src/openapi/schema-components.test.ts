import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenAPI } from './document';
import { DuplicateSchemaIdError, InvalidSchemaIdError, OpenAPIError } from './errors';
import { convertSchemas } from './schema-components';

const info = { title: 'Test', version: '1' };

describe('convertSchemas', () => {
  it('refers to a named schema wherever it appears, top level or nested', () => {
    const Tag = z.object({ label: z.string() }).meta({ id: 'Tag' });
    const Post = z.object({ tags: z.array(Tag), main: Tag.optional() }).meta({ id: 'Post' });
    const schemas = convertSchemas([Post, Tag]);
    expect(schemas.json(Post, 'output')).toEqual({ $ref: '#/components/schemas/Post' });
    expect(schemas.json(Tag, 'input')).toEqual({ $ref: '#/components/schemas/Tag' });
    expect(schemas.components.Post).toEqual({
      type: 'object',
      properties: {
        tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } },
        main: { $ref: '#/components/schemas/Tag' },
      },
      required: ['tags'],
    });
    // A described copy of a named schema refers to it and keeps its own description.
    const described = Tag.describe('The main tag.');
    expect(convertSchemas([described]).json(described, 'output')).toEqual({
      description: 'The main tag.',
      $ref: '#/components/schemas/Tag',
    });
  });

  it('names the input view <id>Input only where it differs from the output view', () => {
    const Same = z.object({ a: z.string() }).meta({ id: 'Same' });
    const Defaulted = z.object({ n: z.int().default(0) }).meta({ id: 'Defaulted' });
    const Transformed = z
      .object({ at: z.iso.datetime().transform((text) => new Date(text)) })
      .meta({ id: 'Transformed' });
    const Outer = z.object({ inner: Defaulted }).meta({ id: 'Outer' });
    const schemas = convertSchemas([Same, Defaulted, Transformed, Outer]);
    expect(schemas.json(Same, 'input')).toEqual({ $ref: '#/components/schemas/Same' });
    expect(schemas.json(Defaulted, 'input')).toEqual({ $ref: '#/components/schemas/DefaultedInput' });
    expect(schemas.json(Defaulted, 'output')).toEqual({ $ref: '#/components/schemas/Defaulted' });
    expect(schemas.components.TransformedInput).toMatchObject({
      properties: { at: { type: 'string', format: 'date-time' } },
    });
    // A transform's output has no JSON Schema: any value.
    expect(schemas.components.Transformed).toMatchObject({ properties: { at: {} } });
    // Equal text, but it refers to a schema that differs: Outer differs too.
    expect(schemas.json(Outer, 'input')).toEqual({ $ref: '#/components/schemas/OuterInput' });
    expect(schemas.components.OuterInput).toMatchObject({
      properties: { inner: { $ref: '#/components/schemas/DefaultedInput' } },
    });
  });

  it('leaves plain objects open in responses and strict ones closed', () => {
    const loose = z.object({ a: z.string() });
    const strict = z.strictObject({ a: z.string() });
    const schemas = convertSchemas([loose, strict]);
    expect(schemas.json(loose, 'output')).not.toHaveProperty('additionalProperties');
    expect(schemas.json(strict, 'output')).toMatchObject({ additionalProperties: false });
    expect(schemas.json(strict, 'input')).toMatchObject({ additionalProperties: false });
  });

  it('writes dates as date-time strings and integers without the safe-integer bounds', () => {
    const event = z.object({ at: z.date(), count: z.int(), big: z.bigint(), small: z.int().min(0).max(9) });
    expect(convertSchemas([event]).json(event, 'output')).toEqual({
      type: 'object',
      properties: {
        at: { type: 'string', format: 'date-time' },
        count: { type: 'integer' },
        big: { type: 'integer' },
        small: { type: 'integer', minimum: 0, maximum: 9 },
      },
      required: ['at', 'count', 'big', 'small'],
    });
  });

  it('handles recursive schemas, named or not', async () => {
    const Category: z.ZodType<{ name: string; children: unknown[] }> = z
      .object({
        name: z.string(),
        get children() {
          return z.array(Category);
        },
      })
      .meta({ id: 'Category' });
    const Comment: z.ZodType = z.object({ text: z.string(), replies: z.array(z.lazy(() => Comment)) });
    const document = buildOpenAPI({ info }, [
      { path: '/categories/', method: 'get', responses: { '200': { description: 'ok', schema: Category } } },
      { path: '/comments/', method: 'get', responses: { '200': { description: 'ok', schema: Comment } } },
    ]);
    expect(document.components?.schemas?.Category).toMatchObject({
      properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Category' } } },
    });
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('throws naming an id that two different schemas carry', () => {
    const first = z.object({ a: z.string() }).meta({ id: 'Thing' });
    const second = z.object({ b: z.string() }).meta({ id: 'Thing' });
    expect(() => convertSchemas([first, second])).toThrow(DuplicateSchemaIdError);
    expect(() =>
      buildOpenAPI({ info }, [
        { path: '/a/', method: 'post', body: first },
        {
          path: '/b/',
          method: 'get',
          responses: { '200': { description: 'ok', schema: z.object({ nested: second }) } },
        },
      ]),
    ).toThrow('Two different zod schemas carry the meta id "Thing"');
  });

  it('rejects ids that cannot name a component, and an <id>Input already taken', () => {
    const spaced = z.object({ a: z.string() }).meta({ id: 'My Thing' });
    expect(() => convertSchemas([spaced])).toThrow(InvalidSchemaIdError);
    const Item = z.object({ n: z.int().default(1) }).meta({ id: 'Item' });
    const ItemInput = z.object({ m: z.string() }).meta({ id: 'ItemInput' });
    expect(() => convertSchemas([Item, ItemInput])).toThrow(OpenAPIError);
    expect(() => convertSchemas([Item, ItemInput])).toThrow('would be named "ItemInput"');
  });

  it('inlines a top-level reference for callers that need the fields', () => {
    const Query = z.object({ q: z.string() }).meta({ id: 'Query' });
    const schemas = convertSchemas([Query]);
    expect(schemas.inline(schemas.json(Query, 'input'))).toEqual({
      type: 'object',
      properties: { q: { type: 'string' } },
      required: ['q'],
    });
  });
});
