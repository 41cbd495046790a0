import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const chromiumPath = '/usr/bin/chromium';
let server: ChildProcess;
let url: string;

/** Serves the app the way its README does (`flama run src/app.ts`), on a free port. */
beforeAll(async () => {
  const bin = join(appDir, 'node_modules', '.bin', 'flama');
  server = spawn(bin, ['run', 'src/app.ts', '--server-port', '0'], { cwd: appDir, stdio: 'pipe' });
  url = await new Promise((resolve, reject) => {
    let output = '';
    server.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /serving on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    server.stderr?.on('data', (chunk) => (output += chunk));
    server.on('exit', (code) => reject(new Error(`flama run exited with ${code}:\n${output}`)));
  });
});

afterAll(() => {
  server?.kill('SIGTERM');
});

describe('the hello app over HTTP', () => {
  it('greets at /', async () => {
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(200);
    expect(await response.json()).toBe('Hello 🔥');
  });

  it('describes itself at /info', async () => {
    expect(await (await fetch(`${url}/info`)).json()).toEqual({
      title: 'Flama ML',
      description: 'Machine learning API using Flama 🔥',
    });
  });

  it('answers unknown paths and methods as Flama does', async () => {
    const missing = await fetch(`${url}/nope`);
    expect([missing.status, await missing.json()]).toEqual([
      404,
      { status_code: 404, detail: 'Not Found', error: 'HTTPException' },
    ]);
    const wrongMethod = await fetch(`${url}/info`, { method: 'POST' });
    expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('publishes a valid OpenAPI 3.1 document at /schema/', async () => {
    const document = (await (await fetch(`${url}/schema/`)).json()) as Record<string, unknown>;
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(validator.version).toBe('3.1');
    expect(Object.keys(document.paths as object)).toEqual(['/', '/info']);
  });
});

describe('the docs page in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(chromiumPath)) throw new Error('Chromium is missing: apt-get install -y chromium');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the app’s operations, loading nothing from outside the app', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const response = await page.goto(`${url}/docs/`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Flama ML', exact: true }).waitFor({ state: 'visible' });
    for (const summary of ['Returns a warming message', 'Returns the app’s title and description']) {
      await page.getByRole('heading', { name: summary, exact: true }).waitFor({ state: 'attached' });
    }
    const outside = requested.filter((request) => !request.startsWith(url) && !/^(data|blob):/.test(request));
    expect(outside).toEqual([]);
    const screenshot = join(tmpdir(), 'flama-hello-docs.png');
    await page.screenshot({ path: screenshot });
    console.log(`docs page screenshot: ${screenshot}`);
  });
});
