import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from '@flama/ml';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type ServingCli, serveCli } from './testing/cli-process';
import { modelFiles } from './testing/models';

let dir: string;
const running: ServingCli[] = [];

beforeAll(async () => {
  dir = await modelFiles();
  const packed = await runCli(
    [
      'pack',
      'classifier.onnx',
      '-o',
      'classifier.flm',
      '--param',
      'C=1',
      '--param',
      'solver=lbfgs',
      '--metric',
      'accuracy=0.848',
      '--extra',
      'model_author=Vortico',
      '--artifact',
      'artifact.json=artifact.json',
      '--id',
      '0f8fad5b-d9cb-469f-a165-70867728950e',
    ],
    { cwd: dir },
  );
  expect(packed.code, packed.stderr).toBe(0);
  expect(
    (await runCli(['pack', 'doubler.onnx', '-o', 'doubler.flm', '--compression', 'zlib'], { cwd: dir })).code,
  ).toBe(0);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((cli) => cli.stop('SIGKILL')));
});

describe('flama pack', () => {
  it('packs the model with typed params, metrics, extra and artifacts', async () => {
    const model = await load(join(dir, 'classifier.flm'));
    expect(model.meta).toMatchObject({
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      model: { params: { C: 1, solver: 'lbfgs' }, metrics: { accuracy: 0.848 } },
      extra: { model_author: 'Vortico' },
      signature: { columns: ['x', 'y'] },
    });
    expect(model.artifacts.json('artifact.json')).toEqual({ agents_per_client: 0.2 });
    await model.close();
  });

  it('refuses bad options in one line', async () => {
    const cases: [string[], string][] = [
      [['pack', 'missing.onnx', '-o', 'x.flm'], 'flama: Model file not found: missing.onnx'],
      [
        ['pack', 'doubler.onnx', '-o', 'x.flm', '--compression', 'brotli'],
        'flama: --compression must be one of zstd, zlib, none.',
      ],
      [
        ['pack', 'doubler.onnx', '-o', 'x.flm', '--id', 'not-a-uuid'],
        'flama: --id must be a UUID, not "not-a-uuid".',
      ],
      [
        ['pack', 'doubler.onnx', '-o', 'x.flm', '--metric', 'accuracy'],
        'flama: --metric takes key=value, not "accuracy".',
      ],
      [
        ['pack', 'doubler.onnx', '-o', 'x.flm', '--artifact', 'a.json=nowhere.json'],
        'flama: Artifact file not found: nowhere.json',
      ],
      [['pack', 'artifact.json', '-o', 'x.flm'], "flama: ONNX Runtime can't load the model"],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, { cwd: dir });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr.trim()).toContain(message);
    }
  });
});

describe('flama model', () => {
  it('inspects a model', async () => {
    const result = await runCli(['model', 'classifier.flm', 'inspect'], { cwd: dir });
    expect(result.code).toBe(0);
    const inspected = JSON.parse(result.stdout);
    expect(inspected.artifacts).toEqual(['artifact.json']);
    expect(inspected.meta.extra).toEqual({ model_author: 'Vortico' });
    const pretty = await runCli(['model', 'classifier.flm', 'inspect', '--pretty'], { cwd: dir });
    expect(pretty.stdout).toContain('\n  "meta": {');
  });

  it('predicts from a pipe and from a file, equal to the in-process model', async () => {
    const rows = [
      [1, 0],
      [0, 1],
      [0.25, 0.5],
    ];
    const model = await load(join(dir, 'classifier.flm'));
    const expected = await model.predict(rows);
    await model.close();
    const piped = await runCli(['model', 'classifier.flm', 'predict'], {
      cwd: dir,
      input: JSON.stringify(rows),
    });
    expect([piped.code, JSON.parse(piped.stdout)]).toEqual([0, expected]);
    await writeFile(join(dir, 'rows.json'), JSON.stringify(rows));
    const written = await runCli(
      ['model', 'classifier.flm', 'predict', '--file', 'rows.json', '--output', 'out.json'],
      {
        cwd: dir,
      },
    );
    expect(written.code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'out.json'), 'utf8'))).toEqual(expected);
  });

  it('fails in one line, with exit code 1, for bad input and bad files', async () => {
    await writeFile(
      join(dir, 'truncated.flm'),
      (await readFile(join(dir, 'classifier.flm'))).subarray(0, 40),
    );
    const cases: [string[], string | undefined, string][] = [
      [
        ['model', 'classifier.flm', 'predict'],
        '[[1]]',
        'Row 0 has 1 values; the model takes 2 columns (x, y)',
      ],
      [
        ['model', 'classifier.flm', 'predict'],
        '{"input": []}',
        "Unknown input 'input'; the model takes x, y",
      ],
      [['model', 'classifier.flm', 'predict'], '"rows"', 'The input must be a JSON array of rows'],
      [['model', 'classifier.flm', 'predict'], '[[1, 2', 'Standard input is not valid JSON'],
      [['model', 'classifier.flm', 'predict'], '[["a", 1]]', 'x'],
      [['model', 'truncated.flm', 'inspect'], undefined, 'truncated'],
      [['model', 'nowhere.flm', 'inspect'], undefined, 'Model file not found: nowhere.flm'],
      [['model', 'classifier.flm', 'train'], undefined, 'Unknown action "train": use inspect or predict.'],
    ];
    for (const [args, input, message] of cases) {
      const result = await runCli(args, { cwd: dir, input });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
      expect(result.stderr).toContain(message);
    }
  });
});

describe('flama serve', () => {
  it('serves a model with docs; predictions over HTTP equal the in-process ones', async () => {
    const cli = await serveCli(
      ['serve', 'classifier.flm', '--app-title', 'Classifier', '--server-port', '0'],
      { cwd: dir },
    );
    running.push(cli);
    expect(cli.output()).toContain('Docs: ');
    const inspect = (await (await fetch(`${cli.url}/`)).json()) as { artifacts: string[] };
    expect(inspect.artifacts).toEqual(['artifact.json']);
    const rows = [
      [1, 0],
      [0, 1],
    ];
    const response = await fetch(`${cli.url}/predict/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: rows }),
    });
    const model = await load(join(dir, 'classifier.flm'));
    expect(await response.json()).toEqual({ output: await model.predict(rows) });
    await model.close();
    const schema = (await (await fetch(`${cli.url}/schema/`)).json()) as {
      info: { title: string };
      paths: object;
    };
    expect(schema.info.title).toBe('Classifier');
    expect(Object.keys(schema.paths)).toEqual([
      '/',
      '/predict/',
      '/stream/',
      '/ws/',
      '/v2',
      '/v2/health/live',
      '/v2/health/ready',
      '/v2/models/model',
      '/v2/models/model/ready',
      '/v2/models/model/infer',
    ]);
    expect((await fetch(`${cli.url}/docs/`)).status).toBe(200);
  });

  it('serves several models with --model', async () => {
    const cli = await serveCli(
      [
        'serve',
        '--model',
        'file=classifier.flm,url=/classifier/,name=classifier',
        '--model',
        'file=doubler.flm,url=/doubler/,name=doubler',
        '--server-port',
        '0',
      ],
      { cwd: dir },
    );
    running.push(cli);
    const doubled = await fetch(`${cli.url}/doubler/predict/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: [[2], [3.5]] }),
    });
    expect(await doubled.json()).toEqual({ output: [4, 7] });
    expect((await fetch(`${cli.url}/classifier/`)).status).toBe(200);
  });

  it('serves each model as an MCP tool at /mcp/, none with --app-mcp ""', async () => {
    const cli = await serveCli(['serve', 'classifier.flm', '--model-name', 'churn', '--server-port', '0'], {
      cwd: dir,
    });
    running.push(cli);
    const rpc = async (path: string, method: string, params: object) => {
      const response = await fetch(`${cli.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { result: Record<string, unknown> }).result;
    };
    const { tools } = (await rpc('/mcp/', 'tools/list', {})) as { tools: { name: string }[] };
    expect(tools.map((tool) => tool.name)).toEqual(['churn']);
    const rows = [
      [1, 0],
      [0, 1],
    ];
    const model = await load(join(dir, 'classifier.flm'));
    const expected = { output: await model.predict(rows) };
    await model.close();
    const called = await rpc('/mcp', 'tools/call', { name: 'churn', arguments: { input: rows } });
    expect(called.structuredContent).toEqual(expected);
    expect(called.content).toEqual([{ type: 'text', text: JSON.stringify(expected) }]);
    const bad = await rpc('/mcp/', 'tools/call', { name: 'churn', arguments: { input: [[1, 2, 3]] } });
    expect(bad.isError).toBe(true);
    const none = await serveCli(['serve', 'classifier.flm', '--app-mcp', '', '--server-port', '0'], {
      cwd: dir,
    });
    running.push(none);
    expect((await fetch(`${none.url}/mcp/`, { method: 'POST' })).status).toBe(404);
  });

  it('refuses to start with a model that cannot load, saying why', async () => {
    const result = await runCli(['serve', 'truncated.flm', '--server-port', '0'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^flama: .*Model "model" \(truncated\.flm\) can't be loaded: .*truncated/);
    const nothing = await runCli(['serve'], { cwd: dir });
    expect(nothing.stderr.trim()).toBe(
      'flama: Nothing to serve: give a .flm file or --model file=…,url=…,name=….',
    );
    const bad = await runCli(['serve', '--model', 'file=a.flm,path=/x/'], { cwd: dir });
    expect(bad.stderr.trim()).toBe('flama: --model takes file, url, name; "path" is not one of them.');
  });
});
