import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDirectory = fileURLToPath(new URL('..', import.meta.url));
const loadAppSource = new URL('./load-app.ts', import.meta.url).href;

/**
 * Calls loadApp from a plain Node process that can't import TypeScript, as a user's script does: tsx is
 * registered only to load loadApp's own source, then unregistered before loadApp runs.
 */
function loadAppInPlainNode(reference: string): Promise<{ code: number | null; output: string }> {
  const script = `
    import { register } from 'tsx/esm/api';
    const unregister = register();
    const { loadApp } = await import(${JSON.stringify(loadAppSource)});
    await unregister();
    const app = await loadApp(process.env.APP_REFERENCE);
    const response = await app.fetch(new Request('http://localhost/'));
    process.stdout.write(await response.text());
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: packageDirectory,
    env: { ...process.env, APP_REFERENCE: reference },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

const appSource = (text: string) =>
  `import { greeting } from './greeting.ts';\n` +
  `export const app = { fetch: (): Response => new Response(greeting + ${JSON.stringify(text)}) };\n`;

describe('loadApp from code, in a process without TypeScript support', () => {
  it('loads a .ts app (and the .ts files it imports) inside a "type": "module" package', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'flama-load-app-'));
    await writeFile(join(directory, 'package.json'), '{ "type": "module" }\n');
    await mkdir(join(directory, 'src'));
    await writeFile(join(directory, 'src', 'greeting.ts'), "export const greeting: string = 'hello ';\n");
    await writeFile(join(directory, 'src', 'app.ts'), appSource('module'));
    const result = await loadAppInPlainNode(join(directory, 'src', 'app.ts'));
    expect(result).toEqual({ code: 0, output: 'hello module' });
  });

  it('loads a .ts app outside any package, and a named export with file:export', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'flama-load-app-'));
    await writeFile(join(directory, 'greeting.ts'), "export const greeting: string = 'hello ';\n");
    await writeFile(
      join(directory, 'app.ts'),
      `${appSource('outside')}export const api = { fetch: (): Response => new Response('api') };\n`,
    );
    expect(await loadAppInPlainNode(join(directory, 'app.ts'))).toEqual({ code: 0, output: 'hello outside' });
    expect(await loadAppInPlainNode(`${join(directory, 'app.ts')}:api`)).toEqual({ code: 0, output: 'api' });
  });
});
