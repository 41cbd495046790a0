import { app } from '@flama/example-hello';
import { check, statusAndJson } from '../check';
import type { Case, Suite } from '../suite';

/** apps/hello, as its own test checks it, plus its docs page and Scalar's script; also run against servers. */
export const helloCases: Case[] = [
  {
    name: 'greets at /',
    run: async (send) => check(await statusAndJson(await send('/')), [200, 'Hello 🔥'], 'GET /'),
  },
  {
    name: 'describes itself at /info',
    run: async (send) => {
      const info = { title: 'Flama ML', description: 'Machine learning API using Flama 🔥' };
      check(await statusAndJson(await send('/info')), [200, info], 'GET /info');
    },
  },
  {
    name: 'answers unknown paths and methods as Flama does',
    run: async (send) => {
      const notFound = { status_code: 404, detail: 'Not Found', error: 'HTTPException' };
      check(await statusAndJson(await send('/nope')), [404, notFound], 'GET /nope');
      const wrongMethod = await send('/info', { method: 'POST' });
      check([wrongMethod.status, wrongMethod.headers.get('allow')], [405, 'GET, HEAD'], 'POST /info');
    },
  },
  {
    name: 'publishes its OpenAPI 3.1 document at /schema/',
    run: async (send) => {
      const document = (await (await send('/schema/')).json()) as { openapi: string; paths: object };
      check([document.openapi, Object.keys(document.paths)], ['3.1.0', ['/', '/info']], 'GET /schema/');
    },
  },
  {
    name: 'serves the docs page and Scalar’s script, cached by ETag',
    run: async (send) => {
      const page = await send('/docs/');
      const html = await page.text();
      check([page.status, page.headers.get('content-type')], [200, 'text/html; charset=utf-8'], 'GET /docs/');
      check(page.headers.get('content-security-policy')?.includes("default-src 'self'"), true, 'its CSP');
      const src = /<script src="\.\/(scalar\.js\?v=\w+)"/.exec(html)?.[1];
      check(src !== undefined, true, 'the page loads scalar.js from the app');
      const script = await send(`/docs/${src}`);
      const etag = script.headers.get('etag');
      check(
        [script.status, script.headers.get('content-type')],
        [200, 'application/javascript; charset=utf-8'],
        'script',
      );
      check((await script.text()).includes('@scalar/api-reference'), true, 'Scalar’s script');
      const cached = await send(`/docs/${src}`, { headers: { 'if-none-match': etag ?? '' } });
      check(cached.status, 304, 'If-None-Match');
    },
  },
  {
    name: 'health routes',
    run: async (send) =>
      check(await statusAndJson(await send('/health/live')), [200, { status: 'live' }], 'live'),
  },
];

export const helloSuite: Suite = { name: 'hello', app: () => app, cases: helloCases };
