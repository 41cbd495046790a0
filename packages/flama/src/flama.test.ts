import { testClient } from '@flama/routing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Flama } from './flama';

describe('Flama', () => {
  it('serves its docs page and the page’s script at /docs/, out of the schema', async () => {
    const app = new Flama({ title: 'Docs <demo>' }).get('/', { summary: 'Home' }, () => 'hi');
    expect(app.docsPath).toBe('/docs/');
    const client = await testClient(app);
    const page = await client.get('/docs/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('Docs &lt;demo&gt;');
    expect(html).toContain('scalar.js');
    const script = await client.get('/docs/scalar.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    const etag = script.headers.get('etag')!;
    expect((await client.get('/docs/scalar.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const schema = (await (await client.get('/schema/')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(schema.paths)).toEqual(['/']);
    await client.close();
  });

  it('serves docs elsewhere, or none', async () => {
    const moved = await testClient(new Flama({ docs: '/reference/' }));
    expect((await moved.get('/reference/')).status).toBe(200);
    expect((await moved.get('/docs/')).status).toBe(404);
    const none = new Flama({ docs: false });
    expect(none.docsPath).toBeUndefined();
    expect((await (await testClient(none)).get('/docs/')).status).toBe(404);
    const noSchema = new Flama({ schema: false });
    expect(noSchema.docsPath).toBeUndefined();
  });

  it('serves health routes when asked, ahead of its docs and models', async () => {
    const client = await testClient(new Flama({ health: { live: '/livez', ready: '/readyz' } }));
    expect(await (await client.get('/livez')).json()).toEqual({ status: 'live' });
    expect(await (await client.get('/readyz')).json()).toEqual({ status: 'ready' });
    client.app.drain?.();
    expect((await client.get('/readyz')).status).toBe(503);
    await client.close();
  });

  it('serves Prometheus metrics when asked', async () => {
    const client = await testClient(new Flama({ metrics: '/internal/metrics' }).get('/', () => 'hi'));
    await client.get('/');
    const metrics = await (await client.get('/internal/metrics')).text();
    expect(metrics).toContain('http_requests_total{method="GET",route="/",status="200"} 1');
    expect((await (await testClient(new Flama())).get('/metrics')).status).toBe(404);
    await client.close();
  });

  it('serves MCP servers added with app.mcp.addServer at their path', async () => {
    const app = new Flama();
    app.mcp
      .addServer('/mcp/', { name: 'calc' })
      .tool('add', { input: z.object({ a: z.number(), b: z.number() }) }, ({ a, b }) => ({ sum: a + b }));
    await app.startup();
    const response = await app.fetch(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name: 'add', arguments: { a: 2, b: 3 } },
        }),
      }),
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { result: object }).result).toMatchObject({
      structuredContent: { sum: 5 },
    });
    await app.shutdown();
  });

  it('gives its MCP server the session idle timeout', () => {
    expect(() => new Flama({ mcp: { stateful: true, sessionIdleTimeout: 0 } })).toThrow(
      'MCP server Flama: sessionIdleTimeout is milliseconds',
    );
  });
});
