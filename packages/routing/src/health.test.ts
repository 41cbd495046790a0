import { describe, expect, it } from 'vitest';
import { App } from './app';
import type { Module } from './module';
import { testClient } from './test-client';

describe('health routes', () => {
  it('answers live and ready once started, and ready 503 from the moment the app drains', async () => {
    const client = await testClient(new App({ health: true }));
    const live = await client.get('/health/live');
    expect([live.status, await live.json()]).toEqual([200, { status: 'live' }]);
    const ready = await client.get('/health/ready');
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    expect(client.app).toMatchObject({ ready: true });
    client.app.drain?.();
    const draining = await client.get('/health/ready');
    expect([draining.status, await draining.json()]).toEqual([
      503,
      { status_code: 503, detail: 'Not ready: the app is draining.', error: 'HTTPException' },
    ]);
    expect((await client.get('/health/live')).status).toBe(200);
    await client.close();
  });

  it('answers 503 before every module started, and serves again after a restart', async () => {
    let release: () => void = () => {};
    const started = new Promise<void>((done) => (release = done));
    const slow: Module = { name: 'slow', startup: () => started };
    const app = new App({ health: true, modules: [slow] });
    const starting = app.startup();
    expect((await app.fetch(new Request('http://x/health/ready'))).status).toBe(503);
    release();
    await starting;
    app.drain();
    await app.shutdown();
    await app.startup();
    expect((await app.fetch(new Request('http://x/health/ready'))).status).toBe(200);
    await app.shutdown();
  });

  it('takes other paths, leaves one out with false, and answers ahead of middleware', async () => {
    const guarded = new App({ health: { live: '/livez', ready: false } }).addMiddleware(async (c) =>
      c.json('refused by middleware', 401),
    );
    const client = await testClient(guarded);
    expect((await client.get('/livez')).status).toBe(200);
    expect((await client.get('/health/ready')).status).toBe(401);
    await client.close();
  });

  it('stays out of the schema, and is off by default', async () => {
    const client = await testClient(new App({ health: true }));
    const schema = (await (await client.get('/schema/')).json()) as { paths: object };
    expect(schema.paths).toEqual({});
    await client.close();
    const plain = await testClient(new App());
    expect((await plain.get('/health/live')).status).toBe(404);
    await plain.close();
  });
});
