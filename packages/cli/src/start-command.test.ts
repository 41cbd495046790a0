import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig } from './create-config';
import { runCli, type ServingCli, serveCli } from './testing/cli-process';
import { packedModels } from './testing/packed-models';

const fixtures = fileURLToPath(new URL('./testing/', import.meta.url));
let models: string;
const running: ServingCli[] = [];
const start = async (args: string[], cwd: string) => {
  const cli = await serveCli(['start', ...args], { cwd });
  running.push(cli);
  return cli;
};
const writeConfig = (dir: string, config: unknown, name = 'flama.json') =>
  writeFile(join(dir, name), JSON.stringify(config));
const predict = (url: string, input: unknown[]) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input }),
  });

beforeAll(async () => {
  models = await packedModels();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((cli) => cli.stop('SIGKILL')));
});

describe('flama start', () => {
  it('creates a starting config, refuses to overwrite it, and serves it from flama.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flama-start-'));
    const created = await runCli(['start', '--create-config'], { cwd: dir });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created flama.json');
    const written = await readFile(join(dir, 'flama.json'), 'utf8');
    expect(JSON.parse(written)).toEqual(exampleConfig);
    const again = await runCli(['start', '--create-config'], { cwd: dir });
    expect([again.code, again.stderr.trim()]).toEqual([
      1,
      'flama: flama.json already exists; remove it or give another path.',
    ]);
    expect(await readFile(join(dir, 'flama.json'), 'utf8')).toBe(written);

    await copyFile(join(models, 'classifier.flm'), join(dir, 'model.flm'));
    await writeConfig(dir, { ...exampleConfig, server: { port: 0 } });
    const cli = await start([], dir);
    expect(cli.output()).toContain(`Docs: ${cli.url}/docs/`);
    expect((await fetch(`${cli.url}/model/`)).status).toBe(200);
    expect(await (await fetch(`${cli.url}/health/ready`)).json()).toEqual({ status: 'ready' });
    expect(await (await predict(`${cli.url}/model/predict/`, [[1, 0]])).json()).toEqual({ output: [1] });
    const schema = (await (await fetch(`${cli.url}/schema/`)).json()) as { info: object };
    expect(schema.info).toEqual({
      title: 'Flama',
      version: '0.1.0',
      description: 'Machine learning models served by Flama',
    });
    const tools = await fetch(`${cli.url}/mcp/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
    });
    expect(((await tools.json()) as { result: { tools: { name: string }[] } }).result.tools).toEqual([
      expect.objectContaining({ name: 'model' }),
    ]);
  });

  it('resolves paths against the config file’s directory, and takes the app’s settings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flama-start-'));
    await mkdir(join(dir, 'config'));
    await mkdir(join(dir, 'models'));
    await copyFile(join(models, 'doubler.flm'), join(dir, 'models', 'doubler.flm'));
    const config = {
      app: {
        title: 'Doubler',
        version: '2.0.0',
        description: 'Twice the input',
        docs: null,
        schema: '/openapi.json',
        debug: true,
        models: [{ url: '/doubler/', path: '../models/doubler.flm', name: 'doubler' }],
      },
      server: { host: '127.0.0.1', port: 0 },
    };
    await writeConfig(join(dir, 'config'), config, 'api.json');
    const cli = await start(['config/api.json'], dir);
    expect(cli.output()).not.toContain('Docs:');
    expect(await (await predict(`${cli.url}/doubler/predict/`, [[2]])).json()).toEqual({ output: [4] });
    expect((await fetch(`${cli.url}/docs/`)).status).toBe(404);
    const schema = (await (await fetch(`${cli.url}/openapi.json`)).json()) as { info: { title: string } };
    expect(schema.info.title).toBe('Doubler');
  });

  it('serves an app in code, "file" or "file:export", relative to the config file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flama-start-'));
    await copyFile(join(fixtures, 'fetch-app.ts'), join(dir, 'app.ts'));
    await writeConfig(dir, { app: 'app.ts', server: { port: 0 } });
    const plain = await start([join(dir, 'flama.json')], tmpdir());
    expect(await (await fetch(`${plain.url}/`)).json()).toBe('plain fetch');
    const fixture = `${relative(dir, join(fixtures, 'fixture-app.ts'))}:other`;
    await writeConfig(dir, { app: fixture, server: { port: 0 } }, 'other.json');
    const other = await start(['other.json'], dir);
    expect(await (await fetch(`${other.url}/`)).json()).toBe('other export');
  });

  it('describes the config file in --help', async () => {
    const help = await runCli(['start', '--help']);
    expect(help.stdout).toContain('--create-config');
    expect(help.stdout).toContain('"keep_alive_timeout": 5');
  });

  it('reports a missing file, bad JSON and every config problem in one line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flama-start-'));
    const cases: [unknown, string][] = [
      [undefined, 'Config file not found: flama.json (create one with: flama start --create-config)'],
      ['{"app": ', 'flama.json is not valid JSON: '],
      [[], 'flama.json: must hold a JSON object: {"app": …, "server": …}'],
      [{}, 'flama.json: app: Required'],
      [{ app: { models: [{ path: 'a.flm', name: 'a' }] } }, 'flama.json: app.models.0.url: Required'],
      [
        { app: { docs: true, models: [] }, server: { port: 70000, log_level: 'info' } },
        'flama.json: app.docs: must be a path such as "/docs/", or null, false or "" for none; ' +
          'app.models: must list at least one model; ' +
          'server.port: must be an integer between 0 and 65535; server.log_level: Unrecognized key',
      ],
      [
        { app: { models: [{ url: 'a/', path: 'a.flm', name: 'a' }], titel: 'A' } },
        'flama.json: app.models.0.url: must start with "/"; app.titel: Unrecognized key',
      ],
      [{ app: 42 }, 'flama.json: app: must be an object of app settings, or "file:export" of an app in code'],
      [{ app: 'missing.ts' }, `App file not found: ${join(dir, 'missing.ts')}`],
    ];
    for (const [config, message] of cases) {
      if (config !== undefined) {
        await writeFile(
          join(dir, 'flama.json'),
          typeof config === 'string' ? config : JSON.stringify(config),
        );
      }
      const result = await runCli(['start'], { cwd: dir });
      expect(result.code, message).toBe(1);
      expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
      expect(result.stderr.trim()).toContain(`flama: ${message}`);
    }
  });
});
