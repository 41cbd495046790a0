import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OpenAPIError } from './errors';
import { parameters, pathParameters, pathTemplateNames } from './parameters';
import { convertSchemas } from './schema-components';

describe('parameters', () => {
  it('reads required, description, deprecated and list style from each field', () => {
    const query = z.object({
      q: z.string().describe('Search text.'),
      page: z.int().default(1),
      old: z.string().optional().meta({ deprecated: true }),
      ids: z.array(z.int()).optional(),
    });
    expect(parameters('query', query, convertSchemas([query]))).toEqual([
      { name: 'q', in: 'query', description: 'Search text.', required: true, schema: { type: 'string' } },
      { name: 'page', in: 'query', required: false, schema: { default: 1, type: 'integer' } },
      {
        name: 'old',
        in: 'query',
        required: false,
        deprecated: true,
        schema: { type: 'string', deprecated: true },
      },
      {
        name: 'ids',
        in: 'query',
        required: false,
        style: 'form',
        explode: true,
        schema: { type: 'array', items: { type: 'integer' } },
      },
    ]);
  });

  it('reads the fields of a named object schema', () => {
    const headers = z.object({ 'X-Trace': z.string().optional() }).meta({ id: 'TraceHeaders' });
    expect(parameters('header', headers, convertSchemas([headers]))).toEqual([
      { name: 'X-Trace', in: 'header', required: false, schema: { type: 'string' } },
    ]);
  });

  it('makes every path parameter required and declares template names without a schema', () => {
    const params = z.object({ id: z.int().optional() });
    const schemas = convertSchemas([params]);
    expect(pathParameters('/a/{id}/b/{slug}/', params, schemas)).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
      { name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(() => pathParameters('/a/', params, schemas)).toThrow(OpenAPIError);
    expect(() => pathParameters('/a/', params, schemas)).toThrow(
      'Path parameter "id" is not in the path "/a/"',
    );
  });

  it('finds template names', () => {
    expect(pathTemplateNames('/user/{id}/posts/{post_id}')).toEqual(['id', 'post_id']);
    expect(pathTemplateNames('/')).toEqual([]);
  });
});
