import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { limitOffsetPagination, paginated } from '../pagination';
import { buildOpenAPI } from './document';
import {
  DuplicateOperationError,
  DuplicateOperationIdError,
  InvalidPathError,
  UnknownSecuritySchemeError,
} from './errors';
import type { OpenAPIOptions, OperationDescription } from './options';
import type { OpenAPIDocument } from './types';

const Address = z
  .object({ street: z.string(), city: z.string(), country: z.string().length(2).default('ES') })
  .meta({ id: 'Address', description: 'A postal address.' });

const Role = z.enum(['admin', 'editor', 'viewer']).meta({ id: 'Role' });

const User = z
  .object({
    id: z.uuid(),
    email: z.email().meta({ examples: ['ada@example.com'] }),
    name: z.string().min(1).describe('Full name.'),
    role: Role,
    address: Address,
    previous: z.array(Address).optional(),
    created_at: z.date(),
    legacy_id: z.int().optional().meta({ deprecated: true }),
  })
  .meta({ id: 'User', title: 'User', description: 'A registered user.' });

const UserDetails = User.omit({ id: true, created_at: true }).meta({ id: 'UserDetails' });

const options: OpenAPIOptions = {
  info: {
    title: 'Users API',
    version: '1.2.0',
    summary: 'Manage users.',
    description: 'The users of the platform.',
    termsOfService: 'https://example.com/terms',
    contact: { name: 'API team', url: 'https://example.com', email: 'api@example.com' },
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [
    { url: 'https://api.example.com/v1', description: 'Production' },
    {
      url: 'https://{region}.example.com/v1',
      variables: { region: { default: 'eu', enum: ['eu', 'us'], description: 'Data region.' } },
    },
  ],
  tags: [
    { name: 'users', description: 'User accounts.', externalDocs: { url: 'https://example.com/users' } },
  ],
  externalDocs: { url: 'https://example.com/docs', description: 'Guides' },
  securitySchemes: {
    bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    session: { type: 'apiKey', in: 'cookie', name: 'session' },
    oauth: {
      type: 'oauth2',
      flows: {
        clientCredentials: { tokenUrl: 'https://example.com/token', scopes: { 'users:read': 'Read users' } },
      },
    },
  },
  security: [{ bearer: [] }, { session: [] }],
};

const userId = z.object({ id: z.uuid().describe('The user id.') });

const operations: OperationDescription[] = [
  {
    path: '/users/',
    method: 'get',
    operationId: 'listUsers',
    summary: 'List users',
    tags: ['users'],
    query: limitOffsetPagination.extend({
      role: z.array(Role).optional().describe('Only these roles (repeat the key).'),
      search: z.string().optional(),
    }),
    responses: {
      '200': {
        description: 'A page of users.',
        schema: paginated(User, 'limit-offset'),
        headers: { 'X-Total-Count': { description: 'Matching users.', schema: z.int() } },
      },
    },
    security: [{ oauth: ['users:read'] }],
  },
  {
    path: '/users/',
    method: 'post',
    operationId: 'createUser',
    tags: ['users'],
    body: UserDetails,
    headers: z.object({ 'Idempotency-Key': z.string().optional() }),
    responses: { '201': { description: 'Created.', schema: User } },
  },
  {
    path: '/users/{id}/',
    method: 'get',
    operationId: 'getUser',
    tags: ['users'],
    params: userId,
    responses: {
      '200': { description: 'The user.', schema: User },
      '404': {
        description: 'No such user.',
        schema: z.object({ status_code: z.literal(404), detail: z.string() }),
      },
    },
  },
  {
    path: '/users/{id}/',
    method: 'delete',
    operationId: 'deleteUser',
    tags: ['users', 'admin'],
    deprecated: true,
    params: userId,
    cookies: z.object({ csrf: z.string() }),
    responses: { '204': { description: 'Deleted.' } },
    extensions: { 'x-audit': { level: 'high' } },
  },
  {
    path: '/health/',
    method: 'get',
    operationId: 'health',
    tags: ['ops'],
    security: [],
  },
  {
    path: '/users/{id}/avatar/',
    method: 'put',
    body: z.string().meta({ contentMediaType: 'image/png', contentEncoding: 'binary' }),
    bodyContentType: 'image/png',
    bodyRequired: false,
    responses: { '204': { description: 'Stored.' } },
  },
];

async function expectValid(document: OpenAPIDocument): Promise<void> {
  const validator = new Validator();
  // A copy: resolveRefs() below dereferences the validated object in place.
  const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
  if (!result.valid) console.error(JSON.stringify(result.errors, null, 2));
  expect(result.valid).toBe(true);
  expect(validator.version).toBe('3.1');
  // Throws if any $ref points nowhere.
  expect(() => validator.resolveRefs()).not.toThrow();
}

describe('buildOpenAPI', () => {
  const document = buildOpenAPI(options, operations);

  it('writes a document a real OpenAPI 3.1 validator accepts', async () => {
    await expectValid(document);
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual(options.info);
    expect(document.servers).toEqual(options.servers);
    expect(document.externalDocs).toEqual(options.externalDocs);
    expect(document.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(document.components?.securitySchemes).toEqual(options.securitySchemes);
  });

  it('makes named schemas components and refers to them everywhere', () => {
    const schemas = document.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual([
      'APIError',
      'Address',
      'AddressInput',
      'LimitOffsetMeta',
      'Role',
      'User',
      'UserDetailsInput',
    ]);
    const getUser = document.paths['/users/{id}/']?.get;
    expect(getUser?.responses['200']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/User',
    });
    const user = schemas.User as { properties: Record<string, unknown>; required: string[] };
    expect(user.properties.address).toEqual({ $ref: '#/components/schemas/Address' });
    expect(user.properties.previous).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/Address' },
    });
    expect(user.properties.role).toEqual({ $ref: '#/components/schemas/Role' });
    expect(schemas.Role).toEqual({ type: 'string', enum: ['admin', 'editor', 'viewer'] });
  });

  it('documents requests with the input view and responses with the output view', () => {
    const schemas = document.components?.schemas ?? {};
    // The default makes `country` optional on the way in and always present on the way out.
    expect(schemas.Address).toMatchObject({ required: ['street', 'city', 'country'] });
    expect(schemas.AddressInput).toMatchObject({ required: ['street', 'city'] });
    const create = document.paths['/users/']?.post;
    expect(create?.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/UserDetailsInput' } } },
    });
    const details = schemas.UserDetailsInput as { properties: Record<string, unknown> };
    expect(details.properties.address).toEqual({ $ref: '#/components/schemas/AddressInput' });
    // Role is the same both ways, so requests share the one component.
    expect(details.properties.role).toEqual({ $ref: '#/components/schemas/Role' });
  });

  it('carries meta into the JSON schemas', () => {
    const user = document.components?.schemas?.User as {
      [key: string]: unknown;
      properties: Record<string, unknown>;
    };
    expect(user.title).toBe('User');
    expect(user.description).toBe('A registered user.');
    expect(user.properties.email).toMatchObject({
      type: 'string',
      format: 'email',
      examples: ['ada@example.com'],
    });
    expect(user.properties.name).toMatchObject({ description: 'Full name.' });
    expect(user.properties.legacy_id).toEqual({ type: 'integer', deprecated: true });
    expect(user.properties.created_at).toEqual({ type: 'string', format: 'date-time' });
  });

  it('turns params, query, headers and cookies into parameter objects', () => {
    const list = document.paths['/users/']?.get;
    expect(list?.parameters).toEqual([
      {
        name: 'limit',
        in: 'query',
        description: 'Items to return.',
        required: false,
        schema: expect.any(Object),
      },
      {
        name: 'offset',
        in: 'query',
        description: 'Items to skip.',
        required: false,
        schema: expect.any(Object),
      },
      {
        name: 'count',
        in: 'query',
        description: 'Also count every matching item (costs a query).',
        required: false,
        schema: { default: false, type: 'boolean' },
      },
      {
        name: 'role',
        in: 'query',
        description: 'Only these roles (repeat the key).',
        required: false,
        style: 'form',
        explode: true,
        schema: { type: 'array', items: { $ref: '#/components/schemas/Role' } },
      },
      { name: 'search', in: 'query', required: false, schema: { type: 'string' } },
    ]);
    expect(list?.parameters?.[0]?.schema).toEqual({ default: 10, type: 'integer', minimum: 1, maximum: 100 });

    const remove = document.paths['/users/{id}/']?.delete;
    expect(remove?.parameters).toEqual([
      {
        name: 'id',
        in: 'path',
        description: 'The user id.',
        required: true,
        schema: expect.objectContaining({ format: 'uuid' }),
      },
      { name: 'csrf', in: 'cookie', required: true, schema: { type: 'string' } },
    ]);
    expect(document.paths['/users/']?.post?.parameters).toEqual([
      { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } },
    ]);
    // A path template name without a params schema is still declared, as a string.
    expect(document.paths['/users/{id}/avatar/']?.put?.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    ]);
  });

  it('documents the error responses the framework answers with', () => {
    const apiError = { 'application/json': { schema: { $ref: '#/components/schemas/APIError' } } };
    const create = document.paths['/users/']?.post;
    expect(Object.keys(create?.responses ?? {})).toEqual(['201', '400', '413', '415']);
    expect(create?.responses['400']).toEqual({ description: 'Validation error', content: apiError });
    expect(create?.responses['413']).toEqual({ description: 'Request body too large', content: apiError });
    expect(create?.responses['415']).toEqual({ description: 'Unsupported media type', content: apiError });
    expect(Object.keys(document.paths['/users/{id}/']?.get?.responses ?? {})).toEqual(['200', '400', '404']);
    expect(document.paths['/health/']?.get?.responses).toEqual({
      '200': { description: 'Successful response' },
    });
    expect(document.components?.schemas?.APIError).toMatchObject({
      type: 'object',
      required: ['status_code', 'detail', 'error'],
      properties: {
        status_code: { type: 'integer' },
        detail: {
          anyOf: [
            { type: 'string' },
            { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          ],
        },
        error: { type: 'string' },
      },
    });
  });

  it("keeps an operation's own 400", () => {
    const own = buildOpenAPI(options, [
      {
        path: '/x/',
        method: 'get',
        query: z.object({ q: z.string() }),
        responses: { '400': { description: 'Bad search.' } },
      },
    ]);
    expect(own.paths['/x/']?.get?.responses).toEqual({ '400': { description: 'Bad search.' } });
    expect(own.components?.schemas).toBeUndefined();
  });

  it('writes bodies of other media types, optional bodies and response headers', () => {
    const avatar = document.paths['/users/{id}/avatar/']?.put;
    expect(avatar?.requestBody).toEqual({
      required: false,
      content: {
        'image/png': { schema: { type: 'string', contentMediaType: 'image/png', contentEncoding: 'binary' } },
      },
    });
    expect(document.paths['/users/']?.get?.responses['200']?.headers).toEqual({
      'X-Total-Count': { description: 'Matching users.', schema: { type: 'integer' } },
    });
  });

  it('copies operation fields, security and extensions', () => {
    const remove = document.paths['/users/{id}/']?.delete;
    expect(remove).toMatchObject({
      operationId: 'deleteUser',
      deprecated: true,
      'x-audit': { level: 'high' },
    });
    expect(remove?.security).toBeUndefined();
    expect(document.paths['/health/']?.get?.security).toEqual([]);
    expect(document.paths['/users/']?.get?.security).toEqual([{ oauth: ['users:read'] }]);
  });

  it('adds the tags operations use after the declared ones', () => {
    expect(document.tags).toEqual([
      { name: 'users', description: 'User accounts.', externalDocs: { url: 'https://example.com/users' } },
      { name: 'admin' },
      { name: 'ops' },
    ]);
  });

  it('is deterministic plain JSON', () => {
    const again = buildOpenAPI(options, operations);
    expect(JSON.stringify(again)).toBe(JSON.stringify(document));
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    const hasUndefined = (value: unknown): boolean =>
      value === undefined ||
      (typeof value === 'object' && value !== null && Object.values(value).some(hasUndefined));
    expect(hasUndefined(document)).toBe(false);
  });

  it('rejects duplicate operationIds and routes, naming them', () => {
    const op = { path: '/a/', method: 'get', operationId: 'same' } as const;
    expect(() => buildOpenAPI(options, [op, { ...op, path: '/b/' }])).toThrow(DuplicateOperationIdError);
    expect(() => buildOpenAPI(options, [op, { ...op, path: '/b/' }])).toThrow(
      'operationId "same" is used by both GET /a/ and GET /b/',
    );
    expect(() => buildOpenAPI(options, [op, { ...op, operationId: 'other' }])).toThrow(
      DuplicateOperationError,
    );
  });

  it('rejects security requirements on undeclared schemes and paths without a leading slash', () => {
    expect(() => buildOpenAPI(options, [{ path: '/a/', method: 'get', security: [{ apiKey: [] }] }])).toThrow(
      new UnknownSecuritySchemeError('apiKey', 'GET /a/'),
    );
    expect(() => buildOpenAPI(options, [{ path: 'a/', method: 'get' }])).toThrow(InvalidPathError);
  });

  it('is checked by a validator that does reject invalid documents', async () => {
    const broken = structuredClone(document) as unknown as Record<string, unknown>;
    broken.paths = { '/users/': { get: { parameters: [{ name: 'q', in: 'body', schema: {} }] } } };
    const result = await new Validator().validate(broken);
    expect(result.valid).toBe(false);
  });

  it('writes a valid document with no operations', async () => {
    const empty = buildOpenAPI({ info: { title: 'Empty', version: '0' } }, []);
    expect(empty).toEqual({ openapi: '3.1.0', info: { title: 'Empty', version: '0' }, paths: {} });
    await expectValid(empty);
  });
});
