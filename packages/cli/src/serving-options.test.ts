import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type ServingCli, serveCli } from './testing/cli-process';
import { modelFiles } from './testing/models';

let dir: string;
const running: ServingCli[] = [];

beforeAll(async () => {
  dir = await modelFiles();
  for (const [onnx, flm, extra] of [
    ['doubler.onnx', 'doubler.flm', 'version=5'],
    ['classifier.onnx', 'classifier.flm', 'author=me'],
  ] as const) {
    const packed = await runCli(['pack', onnx, '-o', flm, '--extra', extra], { cwd: dir });
    expect(packed.code, packed.stderr).toBe(0);
  }
  await mkdir(join(dir, 'models'));
  await copyFile(join(dir, 'doubler.flm'), join(dir, 'models', 'doubler.flm'));
  await copyFile(join(dir, 'classifier.flm'), join(dir, 'models', 'churn.flm'));
  await writeFile(join(dir, 'models', 'notes.txt'), 'not a model');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((cli) => cli.stop('SIGKILL')));
});

async function serve(args: string[]): Promise<ServingCli> {
  const cli = await serveCli(['serve', ...args, '--server-port', '0'], { cwd: dir });
  running.push(cli);
  return cli;
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('flama start and flama run take the same settings', () => {
  it('reads per-model settings and the metrics path from flama.json', async () => {
    const config = {
      app: {
        title: 'Configured',
        metrics: '/prometheus',
        models: [
          {
            url: '/d/',
            path: 'doubler.flm',
            name: 'd',
            version: '2',
            threads: 1,
            max_batch_size: 8,
            timeout: 500,
            inline_run_ms: 0.5,
          },
          {
            url: '/c/',
            path: 'classifier.flm',
            name: 'c',
            batching: false,
            graph_optimization_level: 'basic',
          },
        ],
      },
      server: { port: 0 },
    };
    await writeFile(join(dir, 'flama.json'), JSON.stringify(config));
    const cli = await serveCli(['start', 'flama.json'], { cwd: dir });
    running.push(cli);
    expect(await (await post(`${cli.url}/d/predict/`, { input: [[4]] })).json()).toEqual({ output: [8] });
    expect(await (await fetch(`${cli.url}/v2/models/d`)).json()).toMatchObject({ versions: ['2'] });
    expect(await (await fetch(`${cli.url}/prometheus`)).text()).toContain('flama_model_info{model="d"');
    await writeFile(
      join(dir, 'bad.json'),
      JSON.stringify({ app: { models: [{ ...config.app.models[0], threads: -1 }] } }),
    );
    const bad = await runCli(['start', 'bad.json'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('app.models.0.threads: must be a whole number ≥ 0');
  });

  it('refuses --model-* flags for an app without models, in one line', async () => {
    const fixture = fileURLToPath(new URL('./testing/fixture-app.ts', import.meta.url));
    const result = await runCli(['run', fixture, '--model-threads', '1', '--server-port', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'flama: --model-* options need an app that serves models (a Flama app, with app.models).',
    );
  });
});

describe('flama serve, as production serving needs it', () => {
  it('serves every .flm of a directory, each at /<name>/ and /v2/models/<name>, named after its file', async () => {
    const cli = await serve(['models']);
    expect(await (await post(`${cli.url}/doubler/predict/`, { input: [[2]] })).json()).toEqual({
      output: [4],
    });
    const infer = await post(`${cli.url}/v2/models/churn/infer`, {
      inputs: [
        { name: 'x', shape: [1, 1], datatype: 'FP32', data: [1] },
        { name: 'y', shape: [1, 1], datatype: 'FP32', data: [0] },
      ],
      outputs: [{ name: 'label' }],
    });
    expect(await infer.json()).toMatchObject({
      model_name: 'churn',
      model_version: '1',
      outputs: [{ name: 'label', datatype: 'INT64', shape: [1], data: [1] }],
    });
    expect(await (await fetch(`${cli.url}/v2/models/doubler`)).json()).toMatchObject({ versions: ['5'] });
    expect((await fetch(`${cli.url}/v2/health/ready`)).status).toBe(200);
    expect((await fetch(`${cli.url}/health/ready`)).status).toBe(200);
  });

  it('serves Prometheus metrics of requests and of the model’s batches', async () => {
    const cli = await serve(['doubler.flm', '--model-name', 'doubler', '--model-version', '9']);
    expect((await post(`${cli.url}/predict/`, { input: [[1], [2]] })).status).toBe(200);
    const metrics = await (await fetch(`${cli.url}/metrics`)).text();
    expect(metrics).toContain('http_requests_total{method="POST",route="/predict/",status="200"} 1');
    expect(metrics).toMatch(/flama_model_info\{model="doubler",id="[^"]+",version="9"\} 1/);
    expect(metrics).toContain('flama_model_batch_size_sum{model="doubler"} 2');
    expect(metrics).toContain('process_cpu_seconds_total');
  });

  it('with several workers, serves every worker’s metrics together on the primary’s own port', async () => {
    const cli = await serve(['doubler.flm', '--server-workers', '2', '--server-metrics-port', '0']);
    const metricsUrl = /Metrics of every worker: (\S+)/.exec(cli.output())![1]!;
    for (let request = 0; request < 6; request++) {
      expect((await post(`${cli.url}/predict/`, { input: [[request]] })).status).toBe(200);
    }
    const metrics = await (await fetch(metricsUrl)).text();
    expect(metrics).toContain('http_requests_total{method="POST",route="/predict/",status="200"} 6');
    const single = await runCli(['serve', 'doubler.flm', '--server-metrics-port', '9464'], { cwd: dir });
    expect(single.stderr.trim()).toMatch(
      /^flama: --server-metrics-port serves the metrics of several workers together/,
    );
  });

  it('takes the --model-* settings: in-process, no batching, no waiting', async () => {
    const cli = await serve([
      'doubler.flm',
      '--model-threads',
      '0',
      '--no-model-batching',
      '--model-max-queue-size',
      '0',
      '--model-timeout',
      '1000',
      '--model-inline-run-ms',
      '0',
      '--app-metrics',
      '',
    ]);
    expect(await (await post(`${cli.url}/predict/`, { input: [[3]] })).json()).toEqual({ output: [6] });
    expect((await fetch(`${cli.url}/metrics`)).status).toBe(404);
  });

  it('refuses a bad --model-* value or a directory without models in one line', async () => {
    for (const [args, message] of [
      [['doubler.flm', '--model-threads', '-1'], '--model-threads must be a whole number ≥ 0, not "-1".'],
      [
        ['doubler.flm', '--model-max-batch-size', '0'],
        '--model-max-batch-size must be a whole number ≥ 1, not "0".',
      ],
      [['doubler.flm', '--model-timeout', 'soon'], '--model-timeout must be a whole number ≥ 1, not "soon".'],
      [
        ['doubler.flm', '--model-inline-run-ms', '-1'],
        '--model-inline-run-ms must be a number of milliseconds ≥ 0, not "-1".',
      ],
    ] as const) {
      const result = await runCli(['serve', ...args, '--server-port', '0'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`flama: ${message}`);
    }
    const clash = await runCli(
      ['serve', '--model', 'file=doubler.flm,url=/m/,name=a', '--model', 'file=classifier.flm,url=/m,name=b'],
      { cwd: dir },
    );
    expect(clash.stderr.trim()).toBe(
      'flama: Models "a" and "b" are both mounted at /m: give each its own url.',
    );
    await mkdir(join(dir, 'empty'), { recursive: true });
    const empty = await runCli(['serve', 'empty', '--server-port', '0'], { cwd: dir });
    expect(empty.stderr.trim()).toBe('flama: empty holds no .flm file to serve.');
  });
});
