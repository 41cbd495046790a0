import { App, testClient } from '@flama/routing';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { TelemetryData } from './telemetry-data';
import { telemetry } from './telemetry-middleware';

function recordedApp(options: Parameters<typeof telemetry>[0] = {}) {
  const seen: TelemetryData[] = [];
  const app = new App({
    title: 'Observed',
    log: () => undefined,
    middleware: [telemetry({ after: (data) => void seen.push(data), ...options })],
  })
    .post(
      '/users/{id:int}/',
      { name: 'update', body: z.object({ name: z.string() }) },
      ({ params, body }) => ({
        id: params.id,
        name: body.name,
      }),
    )
    .get('/private/', { meta: { telemetry: false } }, () => 'unseen')
    .get('/boom/', () => {
      throw new Error('boom');
    });
  return { app, seen };
}

const tokens = {
  read: (c: { req: { header(name: string): string | undefined } }) => {
    if (c.req.header('authorization') !== 'Bearer good') throw new Error('invalid token');
    return { toJSON: () => ({ header: { alg: 'HS256' }, payload: { data: { permissions: ['a'] } } }) };
  },
};

describe('telemetry', () => {
  it('tells the hooks what happened, with secrets redacted and the token’s claims, never its text', async () => {
    const before = vi.fn();
    const { app, seen } = recordedApp({ before, tokens, responseBodies: true });
    const client = await testClient(app);
    const response = await client.post('/users/7/?verbose=1', {
      json: { name: 'Ada' },
      headers: { authorization: 'Bearer good', cookie: 'access_token=abc; theme=dark', 'x-trace': 't1' },
    });
    expect(response.status).toBe(200);
    expect(before).toHaveBeenCalledTimes(1);
    const [data] = seen;
    expect(data).toMatchObject({
      type: 'http',
      endpoint: { path: '/users/{id:int}/', name: 'update' },
      authentication: { access: { payload: { data: { permissions: ['a'] } } } },
      request: {
        method: 'POST',
        path: '/users/7/',
        query: { verbose: '1' },
        headers: { authorization: '[redacted]', cookie: '[redacted]', 'x-trace': 't1' },
        cookies: { access_token: '[redacted]', theme: 'dark' },
        body: '{"name":"Ada"}',
      },
      response: { status: 200, body: '{"id":7,"name":"Ada"}' },
    });
    expect(data!.duration).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain('Bearer good');
    expect(JSON.stringify(data)).not.toContain('abc');
    await client.close();
  });

  it('records a failure, cuts bodies at the limit, and skips routes and paths it is told to', async () => {
    const { app, seen } = recordedApp({ bodyLimit: 5, ignored: ['/users/9'] });
    const client = await testClient(app);
    expect((await client.get('/boom/')).status).toBe(500);
    expect(seen[0]).toMatchObject({ response: { status: 500 }, error: { status: 500 } });
    await client.post('/users/8/', { json: { name: 'Grace Hopper' } });
    expect(seen[1]!.request.body).toBe('{"nam');
    await client.get('/private/');
    await client.post('/users/9/', { json: { name: 'x' } });
    expect(seen).toHaveLength(2);
    await client.close();
  });

  it('never fails a request because a hook failed', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { app } = recordedApp({
      before: () => {
        throw new Error('sink down');
      },
      after: () => Promise.reject(new Error('sink down')),
    });
    const client = await testClient(app);
    expect((await client.post('/users/1/', { json: { name: 'a' } })).status).toBe(200);
    expect(errors.mock.calls.map(([line]) => line)).toEqual([
      'Telemetry before hook failed: sink down',
      'Telemetry after hook failed: sink down',
    ]);
    errors.mockRestore();
    await client.close();
  });
});
