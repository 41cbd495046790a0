import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { z as zod } from 'zod';
import { App } from './app';
import { testClient } from './test-client';

/** An existing @hono/zod-openapi app, as a Hono user would bring it. */
function legacyApp() {
  const User = z.object({ id: z.number(), login: z.string() }).openapi('User');
  const NewUser = z.object({ login: z.string().min(1) }).openapi('NewUser');
  return new OpenAPIHono()
    .openapi(
      createRoute({
        method: 'get',
        path: '/users/{id}',
        tags: ['legacy'],
        request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
        responses: { 200: { description: 'A user', content: { 'application/json': { schema: User } } } },
      }),
      (c) => c.json({ id: Number(c.req.valid('param').id), login: 'ada' }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/users',
        request: { body: { content: { 'application/json': { schema: NewUser } }, required: true } },
        responses: { 201: { description: 'Created', content: { 'application/json': { schema: User } } } },
      }),
      (c) => c.json({ id: 7, login: c.req.valid('json').login }, 201),
    );
}

/** A Flama app with a component named like the mounted app's. */
function flamaApp() {
  const User = zod.object({ email: zod.email() }).meta({ id: 'User' });
  return new App({ title: 'Users', version: '1.0.0' }).get('/me/', { response: User }, () => ({
    email: 'ada@example.com',
  }));
}

/** The parts of the merged document the assertions read. */
type Document = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

describe('mounting an OpenAPIHono app', () => {
  it('serves its routes under the mount path', async () => {
    const client = await testClient(flamaApp().mount('/legacy', legacyApp()));
    const user = await client.get('/legacy/users/3');
    expect([user.status, await user.json()]).toEqual([200, { id: 3, login: 'ada' }]);
    const created = await client.post('/legacy/users', { json: { login: 'grace' } });
    expect([created.status, await created.json()]).toEqual([201, { id: 7, login: 'grace' }]);
    await client.close();
  });

  it('documents its operations in /schema/ under the mount path, prefixing clashing components', async () => {
    const client = await testClient(flamaApp().mount('/legacy', legacyApp()));
    const document = (await (await client.get('/schema/')).json()) as Document;
    await client.close();
    expect(Object.keys(document.paths).sort()).toEqual(['/legacy/users', '/legacy/users/{id}', '/me/']);
    expect(Object.keys(document.components.schemas).sort()).toEqual(['NewUser', 'User', 'legacy_User']);
    const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: ref } } } });
    expect(document).toMatchObject({
      paths: {
        '/me/': { get: { responses: { 200: json('#/components/schemas/User') } } },
        '/legacy/users/{id}': {
          get: { tags: ['legacy'], responses: { 200: json('#/components/schemas/legacy_User') } },
        },
        '/legacy/users': {
          post: {
            requestBody: json('#/components/schemas/NewUser'),
            responses: { 201: json('#/components/schemas/legacy_User') },
          },
        },
      },
      components: {
        schemas: {
          User: { properties: { email: { type: 'string' } } },
          legacy_User: { properties: { id: { type: 'number' }, login: { type: 'string' } } },
        },
      },
    });
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
  });

  it('merges two mounts of the same app without clashes, sharing identical components', async () => {
    const app = flamaApp().mount('/v1', legacyApp()).mount('/v2/api', legacyApp());
    const document = app.openapi() as unknown as Document;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/users/{id}', '/v2/api/users/{id}', '/v2/api/users']),
    );
    expect(Object.keys(document.components.schemas).sort()).toEqual(['NewUser', 'User', 'v1_User']);
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
  });
});
