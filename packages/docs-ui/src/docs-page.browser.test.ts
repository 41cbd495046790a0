import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SocketServer, serveOnSocket } from '@flama/routing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocsPage } from './docs-page';
import { WARMING_API_DOCUMENT } from './testing/warming-api';

const CHROMIUM = '/usr/bin/chromium';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const SUMMARIES = ['Returns a warming message', 'Describes the running app', 'Registers a new user'];
// Lets the page do anything, so that only Scalar's configuration keeps it from calling out.
const OPEN_POLICY = "default-src * data: blob: 'unsafe-inline' 'unsafe-eval'";
// Page-side scripts are strings: this package's TypeScript has no DOM library.
const RECORD_CSP_VIOLATIONS = `
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolations.push(event.effectiveDirective + ' ' + event.blockedURI);
  });
`;

function leavesTheMachine(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return false;
  return !LOOPBACK_HOSTS.has(hostname);
}

interface Visit {
  page: Page;
  requested: string[];
  /** Content-Encoding of each response, by pathname. */
  encodings: Map<string, string | undefined>;
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

async function visitRendered(browser: Browser, url: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requested: string[] = [];
  context.on('request', (request) => requested.push(request.url()));
  const encodings = new Map<string, string | undefined>();
  context.on('response', (response) => {
    encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding']);
  });
  const page = await context.newPage();
  await page.addInitScript({ content: RECORD_CSP_VIOLATIONS });

  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  // The sidebar lists the operations first; the headings appear once the main content has rendered.
  await page.getByRole('heading', { name: 'Warming API', exact: true }).waitFor({ state: 'visible' });
  await page.getByRole('heading', { name: SUMMARIES[0], exact: true }).waitFor({ state: 'visible' });
  for (const summary of SUMMARIES) {
    await page.getByRole('heading', { name: summary, exact: true }).waitFor({ state: 'attached' });
    await expect(page.getByText(summary, { exact: true }).first().isVisible()).resolves.toBe(true);
  }
  // Font files are requested when text is laid out; wait for them rather than for a timer.
  await page.evaluate('document.fonts.ready.then(() => undefined)');

  return {
    page,
    requested,
    encodings,
    cspViolations: async () => {
      const seen: unknown = await page.evaluate('window.cspViolations');
      return Array.isArray(seen) ? seen.map(String) : [];
    },
    close: () => context.close(),
  };
}

describe('the docs page in headless Chromium', () => {
  let server: SocketServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\`.`);
    }
    const schemaUrl = '/schema/';
    const title = 'Warming API';
    const pages = await Promise.all([
      DocsPage.load({ path: '/docs/', schemaUrl, title }),
      DocsPage.load({ path: '/open/docs/', schemaUrl, title, contentSecurityPolicy: OPEN_POLICY }),
      DocsPage.load({
        path: '/fonts/docs/',
        schemaUrl,
        title,
        contentSecurityPolicy: OPEN_POLICY,
        configuration: { withDefaultFonts: true },
      }),
    ]);
    const schema = JSON.stringify(WARMING_API_DOCUMENT);
    server = await serveOnSocket({
      fetch: (request) => {
        if (new URL(request.url).pathname === schemaUrl) {
          return new Response(schema, { headers: { 'content-type': 'application/json' } });
        }
        for (const page of pages) {
          const response = page.respond(request);
          if (response) return response;
        }
        return new Response('Not Found', { status: 404 });
      },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Belt and braces: should the page try, no name resolves, so nothing leaves during the test.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the operations from /schema/ with no request leaving the machine', async () => {
    const visit = await visitRendered(browser, `${server.url}/docs/`);
    const directory = join(tmpdir(), 'flama-docs-ui');
    await mkdir(directory, { recursive: true });
    const screenshot = join(directory, 'docs.png');
    await visit.page.screenshot({ path: screenshot });
    console.log(`docs page screenshot: ${screenshot}`);
    const violations = await visit.cspViolations();
    await visit.close();

    expect(visit.requested.filter(leavesTheMachine)).toEqual([]);
    expect(visit.requested.map((url) => new URL(url).pathname)).toEqual(
      expect.arrayContaining(['/docs/', '/docs/scalar.js', '/schema/']),
    );
    expect(visit.encodings.get('/docs/scalar.js')).toBe('gzip');
    // zod (bundled by Scalar) probes `new Function('')` in a try/catch and does without it when refused.
    expect(violations.filter((violation) => violation !== 'script-src eval')).toEqual([]);
  }, 60_000);

  it('keeps to loopback through its Scalar configuration alone, under an open CSP', async () => {
    const visit = await visitRendered(browser, `${server.url}/open/docs/`);
    await visit.close();

    expect(visit.requested.filter(leavesTheMachine)).toEqual([]);
    expect(visit.requested.map((url) => new URL(url).pathname)).toEqual(
      expect.arrayContaining(['/open/docs/scalar.js', '/schema/']),
    );
  }, 60_000);

  it('would notice a request leaving the machine (Scalar default fonts switched back on)', async () => {
    const visit = await visitRendered(browser, `${server.url}/fonts/docs/`);
    await visit.close();

    expect(visit.requested.filter(leavesTheMachine).map((url) => new URL(url).hostname)).toContain(
      'fonts.scalar.com',
    );
  }, 60_000);
});
