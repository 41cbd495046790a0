import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { binPath, runCli } from './testing/cli-process';
import { clientProject, clientSource, typeCheck } from './testing/typed-client';

const fixtures = fileURLToPath(new URL('./testing/', import.meta.url));

describe('flama schema', () => {
  it("writes the app's OpenAPI document to standard output, without serving", async () => {
    const result = await runCli(['schema', 'schema-app.ts'], { cwd: fixtures });
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.info).toEqual({ title: 'Users', version: '1.0.0' });
    expect(Object.keys(document.paths['/users/'])).toEqual(['get', 'post']);
    expect(document.paths['/users/'].post.responses['201']).toBeDefined();
  });

  it('writes it to a file with -o, relative to the working directory', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'flama-schema-'));
    const result = await runCli(['schema', `${fixtures}schema-app.ts:app`, '-o', 'openapi.json'], {
      cwd: directory,
    });
    expect([result.code, result.stdout]).toEqual([0, '']);
    const document = JSON.parse(await readFile(join(directory, 'openapi.json'), 'utf8'));
    expect(document.paths['/users/'].post.requestBody).toBeDefined();
  });

  it('writes the TypeScript paths types with --types', async () => {
    const result = await runCli(['schema', 'schema-app.ts', '--types'], { cwd: fixtures });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('export interface paths {');
    expect(result.stdout).toContain('"/users/": {');
  });

  it('explains in one line that an app without an OpenAPI document has no schema', async () => {
    const result = await runCli(['schema', 'hono-app.ts'], { cwd: fixtures });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'flama: hono-app.ts has no OpenAPI document: flama schema needs a Flama app (one with an openapi() method).',
    );
  });

  it('names openapi-typescript in one line when --types needs it and it is not installed', async () => {
    const child = spawn(
      process.execPath,
      ['--import', join(fixtures, 'hide-packages.mjs'), binPath, 'schema', 'schema-app.ts', '--types'],
      { cwd: fixtures, env: { ...process.env, FLAMA_HIDE_PACKAGES: 'openapi-typescript' }, stdio: 'pipe' },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'flama: flama schema --types needs openapi-typescript: npm install openapi-typescript',
    );
  });
});

describe('an openapi-fetch client typed by flama schema --types', () => {
  let project = '';
  const check = async (call: string) => {
    await writeFile(join(project, 'client.ts'), clientSource(call));
    return typeCheck(project);
  };

  beforeAll(async () => {
    project = await clientProject();
    const args = ['schema', `${fixtures}schema-app.ts`, '--types', '-o', 'schema.d.ts'];
    expect((await runCli(args, { cwd: project })).code).toBe(0);
  }, 60_000);

  it('compiles when paths and bodies match the app', async () => {
    const result = await check(`const { data } = await client.POST('/users/', {
    body: { name: 'Ada', email: 'ada@example.com' },
  });
  const users = await client.GET('/users/');
  return [data?.email, users.data?.[0]?.name];`);
    expect(result).toEqual({ code: 0, output: '' });
  }, 60_000);

  it('fails tsc on a path the app does not have, naming it', async () => {
    const result = await check(`return client.GET('/user/');`);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`Argument of type '"/user/"' is not assignable`);
  }, 60_000);

  it('fails tsc on a body that does not match the schema', async () => {
    const result = await check(`return client.POST('/users/', { body: { name: 'Ada' } });`);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("Property 'email' is missing");
  }, 60_000);
});
