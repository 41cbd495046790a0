import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type ServingCli, serveCli } from './testing/cli-process';

const fixtures = fileURLToPath(new URL('./testing/', import.meta.url));
const running: ServingCli[] = [];
const serve = async (args: string[], options?: { cwd?: string }) => {
  const cli = await serveCli(args, options);
  running.push(cli);
  return cli;
};

afterEach(async () => {
  await Promise.all(running.splice(0).map((cli) => cli.stop('SIGKILL')));
});

describe('flama run', () => {
  it('serves the "app" export of a TypeScript file, relative to the working directory', async () => {
    const cli = await serve(['run', 'fixture-app.ts', '--server-port', '0'], { cwd: fixtures });
    expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${cli.url}/`);
    expect([response.status, await response.json()]).toEqual([200, 'Hello 🔥']);
  });

  it('serves a named export with file:export, and a default-exported plain Hono app', async () => {
    const other = await serve(['run', `${fixtures}fixture-app.ts:other`, '--server-port', '0']);
    expect(await (await fetch(`${other.url}/`)).json()).toBe('other export');
    const hono = await serve(['run', `${fixtures}hono-app.ts`, '--server-port', '0']);
    expect(await (await fetch(`${hono.url}/`)).json()).toBe('plain hono');
  });

  it('runs the app’s shutdown on SIGTERM and SIGINT, exiting 0', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const cli = await serveCli(['run', `${fixtures}fixture-app.ts`, '--server-port', '0']);
      expect(await cli.stop(signal)).toBe(0);
      expect(cli.output()).toContain('fixture shut down');
    }
  });

  it('explains what is wrong in one line, without a stack, and exits 1', async () => {
    const missing = await runCli(['run', 'nowhere.ts'], { cwd: fixtures });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`flama: App file not found: ${join(fixtures, 'nowhere.ts')}`);
    const wrongExport = await runCli(['run', `${fixtures}fixture-app.ts:notAnApp`]);
    expect(wrongExport.code).toBe(1);
    expect(wrongExport.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrongExport.stderr).toContain(
      'has no app: expected an export named "notAnApp" with a fetch method',
    );
    const outside = await mkdtemp(join(tmpdir(), 'flama-noapp-'));
    await writeFile(join(outside, 'noapp.ts'), 'export const x = 1;\n');
    const noApp = await runCli(['run', 'noapp.ts'], { cwd: outside });
    expect(noApp.stderr.trim()).toBe(
      'flama: noapp.ts has no app: expected an export named "app" or a default export with a fetch method (it exports x).',
    );
    const badPort = await runCli(['run', `${fixtures}fixture-app.ts`, '--server-port', 'eighty']);
    expect(badPort.stderr.trim()).toBe(
      'flama: --server-port must be an integer between 0 and 65535, not "eighty".',
    );
  });

  it('reports a port in use', async () => {
    const first = await serve(['run', `${fixtures}fixture-app.ts`, '--server-port', '0']);
    const port = new URL(first.url).port;
    const second = await runCli(['run', `${fixtures}fixture-app.ts`, '--server-port', port]);
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toBe(`flama: Port ${port} on 127.0.0.1 is already in use.`);
  });

  it.each([
    ['CommonJS', undefined],
    ['ES-module', '{ "type": "module" }'],
  ])(
    'restarts with --reload once an edited app loads, serving the previous version until then (%s scope)',
    async (_scope, manifest) => {
      const dir = await mkdtemp(join(tmpdir(), 'flama-reload-'));
      if (manifest) await writeFile(join(dir, 'package.json'), manifest);
      await writeFile(
        join(dir, 'app.ts'),
        "import { message } from './message';\nexport default { fetch: () => Response.json(message) };\n",
      );
      await writeFile(join(dir, 'message.ts'), "export const message: string = 'first';\n");
      const cli = await serve(['run', 'app.ts', '--reload', '--server-port', '0'], { cwd: dir });
      expect(await (await fetch(`${cli.url}/`)).json()).toBe('first');

      await writeFile(join(dir, 'message.ts'), "export const message: string = 'second;\n");
      await cli.waitFor('does not load');
      expect(cli.stderr()).toContain(
        'flama: message.ts changed, but the app does not load; the previous version keeps serving until it does:\n  ',
      );
      expect(cli.stderr()).toMatch(/message\.ts:1:\d+: ERROR: Unterminated string literal/);
      expect(await (await fetch(`${cli.url}/`)).json()).toBe('first');

      await writeFile(join(dir, 'message.ts'), "export const message: string = 'second';\n");
      await cli.waitFor('serving on', 2);
      expect(cli.output()).toContain('Restarting: message.ts changed.');
      const urls = [...cli.output().matchAll(/serving on (http:\/\/\S+)/g)].map((match) => match[1]);
      expect(await (await fetch(`${urls.at(-1)}/`)).json()).toBe('second');
      expect(await cli.stop('SIGTERM')).toBe(0);
    },
  );

  it('stops the server of --reload when flama itself is killed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flama-reload-'));
    await writeFile(join(dir, 'app.ts'), "export default { fetch: () => Response.json('up') };\n");
    const cli = await serve(['run', 'app.ts', '--reload', '--server-port', '0'], { cwd: dir });
    expect(await (await fetch(`${cli.url}/`)).json()).toBe('up');
    await cli.stop('SIGKILL');
    while (
      await fetch(`${cli.url}/`).then(
        () => true,
        () => false,
      )
    )
      await setTimeout(50);
  });
});

describe('flama', () => {
  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const result = await runCli(['--version']);
    expect([result.code, result.stdout.trim()]).toEqual([0, version]);
  });

  it('has --help on every command', async () => {
    const top = await runCli(['--help']);
    expect(top.stdout).toContain('run [options] <app>');
    const run = await runCli(['run', '--help']);
    expect(run.stdout).toContain('--server-port <port>');
    expect(run.stdout).toContain('--reload');
  });
});
