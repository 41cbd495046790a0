import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiErrorSchema } from './api-error';
import { OpenAPIError } from './errors';
import { responses } from './responses';
import { convertSchemas } from './schema-components';

describe('responses', () => {
  const schemas = convertSchemas([apiErrorSchema]);
  const apiError = { 'application/json': { schema: { $ref: '#/components/schemas/APIError' } } };

  it('documents a 200 when none is declared, and no error responses without input', () => {
    expect(responses({ path: '/', method: 'get' }, schemas)).toEqual({
      '200': { description: 'Successful response' },
    });
  });

  it('adds 400 for any validated input and 413/415 for bodies, unless declared', () => {
    const query = z.object({ q: z.string() });
    const withQuery = responses({ path: '/', method: 'get', query }, convertSchemas([apiErrorSchema, query]));
    expect(withQuery).toEqual({
      '200': { description: 'Successful response' },
      '400': { description: 'Validation error', content: apiError },
    });
    const body = z.object({ a: z.string() });
    const own = responses(
      { path: '/', method: 'post', body, responses: { '415': { description: 'Send JSON.' } } },
      convertSchemas([apiErrorSchema, body]),
    );
    expect(Object.keys(own)).toEqual(['400', '413', '415']);
    expect(own['415']).toEqual({ description: 'Send JSON.' });
  });

  it('writes content for a content type alone', () => {
    const csv = responses(
      {
        path: '/',
        method: 'get',
        responses: { '200': { description: 'A CSV file.', contentType: 'text/csv' } },
      },
      schemas,
    );
    expect(csv['200']).toEqual({ description: 'A CSV file.', content: { 'text/csv': {} } });
  });

  it('rejects a key that is not a status code', () => {
    expect(() =>
      responses({ path: '/a/', method: 'get', responses: { ok: { description: 'fine' } } }, schemas),
    ).toThrow(OpenAPIError);
    expect(() =>
      responses(
        {
          path: '/a/',
          method: 'get',
          responses: { '2XX': { description: 'fine' }, default: { description: 'x' } },
        },
        schemas,
      ),
    ).not.toThrow();
  });
});
