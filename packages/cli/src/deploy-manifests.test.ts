import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runCli, type ServingCli, serveCli } from './testing/cli-process';
import { modelFiles } from './testing/models';

// deploy/ can't be run here (no Docker engine, no cluster): these tests hold what it names — flags, routes,
// ports, environment variables, files — to what the CLI and the repository really have.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const deploy = join(root, 'deploy');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const apps = readdirSync(join(root, 'apps'));

const kinds: Record<string, string> = {
  'kubernetes/deployment.yaml': 'apps/v1 Deployment',
  'kubernetes/service.yaml': 'v1 Service',
  'kubernetes/hpa.yaml': 'autoscaling/v2 HorizontalPodAutoscaler',
  'kserve/serving-runtime.yaml': 'serving.kserve.io/v1alpha1 ServingRuntime',
  'kserve/inference-service.yaml': 'serving.kserve.io/v1beta1 InferenceService',
};

interface Probe {
  httpGet: { path: string; port: number | string };
}
interface Container {
  args: string[];
  env?: { name: string }[];
  ports: { name?: string; containerPort: number }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  lifecycle?: { preStop: { exec: { command: string[] } } };
}
interface Deployment {
  spec: {
    template: {
      metadata: { annotations: Record<string, string> };
      spec: { terminationGracePeriodSeconds: number; containers: Container[] };
    };
  };
}
interface Service {
  spec: { ports: { port: number; targetPort: number | string }[] };
}
interface ServingRuntime {
  spec: { annotations: Record<string, string>; containers: Container[] };
}
interface InferenceService {
  metadata: { name: string };
}

/** The one document of a manifest in deploy/, checked to parse without errors or warnings. */
function manifest<T>(path: string): T {
  const documents = parseAllDocuments(readFileSync(join(deploy, path), 'utf8'));
  if (!Array.isArray(documents)) throw new Error(`${path}: no YAML document`);
  expect(documents, path).toHaveLength(1);
  const [document] = documents;
  expect([...document!.errors, ...document!.warnings].map(String), path).toEqual([]);
  return document!.toJS() as T;
}

/** The Dockerfile's instructions (continuation lines joined, comments left out) after its last FROM. */
function runtimeStage(): { instruction: string; value: string }[] {
  const lines = read('deploy/Dockerfile')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim());
  const instructions = lines.map((line) => {
    const [, instruction, value] = /^\s*(\w+)\s+(.*)$/.exec(line)!;
    return { instruction: instruction!.toUpperCase(), value: value!.trim() };
  });
  return instructions.slice(instructions.findLastIndex(({ instruction }) => instruction === 'FROM'));
}
const instruction = (name: string) => runtimeStage().find(({ instruction }) => instruction === name)?.value;
const healthcheck = instruction('HEALTHCHECK')!;
const healthcheckCommand = JSON.parse(healthcheck.slice(healthcheck.indexOf('CMD ') + 4)) as string[];
const runtimeEnv = runtimeStage()
  .filter(({ instruction }) => instruction === 'ENV')
  .flatMap(({ value }) => value.split(/\s+/).map((pair) => pair.split('=')[0]!));

const deployment = () => manifest<Deployment>('kubernetes/deployment.yaml');
const deploymentContainer = () => deployment().spec.template.spec.containers[0]!;
const runtime = () => manifest<ServingRuntime>('kserve/serving-runtime.yaml');
const runtimeContainer = () => runtime().spec.containers[0]!;

/** Every `flama` command line in deploy/: the arguments after `flama`. */
function commandLines(): [string, string[]][] {
  return [
    ['deploy/Dockerfile CMD', JSON.parse(instruction('CMD')!) as string[]],
    ['deploy/kubernetes/deployment.yaml', deploymentContainer().args],
    ['deploy/kserve/serving-runtime.yaml', runtimeContainer().args],
  ];
}

const helps = new Map<string, string>();
async function help(command: string): Promise<string> {
  if (!helps.has(command)) {
    const { code, stdout } = await runCli([command, '--help']);
    expect(code).toBe(0);
    helps.set(command, stdout);
  }
  return helps.get(command)!;
}

/** The port a `flama` command line listens on: its --server-port, else the CLI's default (no PORT is set). */
async function listensOn(args: string[]): Promise<number> {
  const flag = args.indexOf('--server-port');
  if (flag >= 0) return Number(args[flag + 1]);
  return Number(/--server-port <port>.*\(default: "(\d+)"\)/.exec(await help(args[0]!))![1]);
}

/** A container port by number or by name. */
function resolvePort(container: Container, port: number | string): number | undefined {
  return typeof port === 'number' ? port : container.ports.find(({ name }) => name === port)?.containerPort;
}

describe('deploy/', () => {
  it('holds the YAML manifests expected, each one document that parses, of its apiVersion and kind', () => {
    const files = readdirSync(deploy, { recursive: true, encoding: 'utf8' }).filter((file) =>
      /\.ya?ml$/.test(file),
    );
    expect(files.sort()).toEqual(Object.keys(kinds).sort());
    for (const [file, kind] of Object.entries(kinds)) {
      const { apiVersion, kind: actual } = manifest<{ apiVersion: string; kind: string }>(file);
      expect(`${apiVersion} ${actual}`, file).toBe(kind);
    }
  });

  it('passes flama only flags its commands have', async () => {
    for (const [where, args] of commandLines()) {
      const options = new Set(
        [...(await help(args[0]!)).matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]),
      );
      for (const flag of args.filter((arg) => arg.startsWith('--'))) {
        expect(options.has(flag), `${where}: flama ${args[0]} has no ${flag}`).toBe(true);
      }
    }
  });

  it('runs the flama bin of the app as PID 1, with the app file every example app has', () => {
    expect(JSON.parse(instruction('ENTRYPOINT')!)).toEqual(['node', 'flama.js']);
    // flama.js links to the bin of whichever of the two packages the app installs
    expect(read('deploy/Dockerfile')).toContain(
      'node_modules/flama/bin/flama.js node_modules/@flama/cli/bin/flama.js',
    );
    expect(JSON.parse(read('packages/flama/package.json')).bin.flama).toBe('./bin/flama.js');
    expect(JSON.parse(read('packages/cli/package.json')).bin.flama).toBe('./bin/flama.js');
    expect(instruction('USER'), 'a non-root user, by number').toMatch(/^[1-9]\d*(:\d+)?$/);
    const [command, app] = JSON.parse(instruction('CMD')!) as string[];
    for (const folder of apps) {
      const { scripts, dependencies } = JSON.parse(read(`apps/${folder}/package.json`));
      expect(dependencies.flama ?? dependencies['@flama/cli'], folder).toBeDefined();
      expect(scripts.start, folder).toMatch(`exec flama ${command} ${app}`);
    }
  });

  // `flama run` serves /health/live, which the image's HEALTHCHECK probes, only for an app created with
  // `health: true`.
  it('has example apps that serve the health route the image probes', () => {
    for (const folder of apps) expect(read(`apps/${folder}/src/app.ts`), folder).toMatch(/\bhealth: true\b/);
  });

  it('serves in Kubernetes the model the image holds', () => {
    const model = deploymentContainer().args[1]!;
    expect(read('apps/ml-api/scripts/ensure-model.ts')).toContain(`'${model}'`);
    expect(read('deploy/Dockerfile')).toContain(`/out/${model}`);
  });

  it('gives a stopping pod time for preStop and the whole drain before SIGKILL', () => {
    const { spec } = deployment().spec.template;
    const { args, lifecycle } = spec.containers[0]!;
    const [sleep, seconds] = lifecycle!.preStop.exec.command;
    expect(sleep).toBe('sleep');
    const flag = args.indexOf('--server-shutdown-timeout');
    expect(flag, 'the drain deadline, explicit').toBeGreaterThan(0);
    expect(spec.terminationGracePeriodSeconds).toBeGreaterThan(Number(seconds) + Number(args[flag + 1]));
  });

  it('agrees on ports: image, CLI, Deployment, probes, Service, scrape annotations, KServe runtime', async () => {
    const exposed = Number(instruction('EXPOSE'));
    expect(runtimeEnv).not.toContain('PORT');
    expect(await listensOn(['run']), 'the CLI’s default port').toBe(exposed);
    expect(healthcheckCommand.join(' ')).toContain(`process.env.PORT || ${exposed}`);

    const container = deploymentContainer();
    const port = await listensOn(container.args);
    expect(container.env?.map(({ name }) => name) ?? []).not.toContain('PORT');
    expect(resolvePort(container, 'http'), 'the Deployment’s http port').toBe(port);
    expect(port, 'the Deployment’s port, against EXPOSE').toBe(exposed);
    expect(resolvePort(container, container.livenessProbe!.httpGet.port), 'liveness').toBe(port);
    expect(resolvePort(container, container.readinessProbe!.httpGet.port), 'readiness').toBe(port);
    expect(Number(deployment().spec.template.metadata.annotations['prometheus.io/port']), 'scrape').toBe(
      port,
    );
    for (const { targetPort } of manifest<Service>('kubernetes/service.yaml').spec.ports) {
      expect(resolvePort(container, targetPort), 'the Service’s targetPort').toBe(port);
    }

    const kserve = runtimeContainer();
    const kservePort = await listensOn(kserve.args);
    expect(kserve.ports.map(({ containerPort }) => containerPort)).toEqual([kservePort]);
    expect(resolvePort(kserve, kserve.readinessProbe!.httpGet.port)).toBe(kservePort);
    expect(Number(runtime().spec.annotations['prometheus.kserve.io/port'])).toBe(kservePort);
  });

  it('names only environment variables that the CLI, the apps, ONNX Runtime or pnpm read', async () => {
    const builder = read('deploy/Dockerfile')
      .split('\n')
      .filter((line) => /^\s*(ENV\b|[A-Za-z_]+=)/.test(line))
      .flatMap((line) => [...line.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]!));
    const named = new Set([
      ...builder,
      ...runtimeEnv,
      ...[...healthcheckCommand.join(' ').matchAll(/process\.env\.(\w+)/g)].map((m) => m[1]!),
      ...[deploymentContainer(), runtimeContainer()].flatMap(({ env }) => env?.map(({ name }) => name) ?? []),
    ]);
    const serveHelp = await help('serve');
    const sources = (dir: string) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.[jt]s$/.test(file))
        .map((file) => read(join(dir, file)))
        .join('\n');
    const installer = read('packages/ml/node_modules/onnxruntime-node/script/install-utils.js');
    const readBy: Record<string, () => boolean> = {
      HOST: () => serveHelp.includes('(env: HOST)'),
      PORT: () => serveHelp.includes('(env: PORT)'),
      ORT_DISABLE_TELEMETRY: () => sources('packages/ml/src').includes('process.env.ORT_DISABLE_TELEMETRY'),
      ONNXRUNTIME_NODE_INSTALL: () =>
        installer.includes('process.env.ONNXRUNTIME_NODE_INSTALL') && installer.includes("case 'skip':"),
      NODE_ENV: () => sources('apps/jwt-api/src').includes("env.NODE_ENV === 'production'"),
      npm_config_store_dir: () =>
        spawnSync('pnpm', ['config', 'get', 'store-dir'], {
          env: { ...process.env, npm_config_store_dir: '/pnpm/store' },
          encoding: 'utf8',
        }).stdout.trim() === '/pnpm/store',
    };
    expect([...named].sort()).toEqual(Object.keys(readBy).sort());
    for (const [name, isRead] of Object.entries(readBy)) expect(isRead(), name).toBe(true);
  });
});

describe('flama serve with the arguments of deploy/', () => {
  const servers: ServingCli[] = [];
  let modelName: string;
  let k8s: ServingCli;
  let kserve: ServingCli;

  /** Starts `flama <args>` on a free port, the given path in place of the model argument. */
  async function start(args: string[], model: string, cwd: string): Promise<ServingCli> {
    const port = args.indexOf('--server-port');
    const local = [args[0]!, model, ...args.slice(2)];
    if (port >= 0) local.splice(port, 2);
    const cli = await serveCli([...local, '--server-port', '0'], { cwd });
    servers.push(cli);
    return cli;
  }

  beforeAll(async () => {
    const dir = await modelFiles();
    const packed = await runCli(['pack', 'doubler.onnx', '-o', 'doubler.flm'], { cwd: dir });
    expect(packed.code, packed.stderr).toBe(0);
    // KServe's storage initializer fills /mnt/models with the storageUri's files, named after the service.
    modelName = manifest<InferenceService>('kserve/inference-service.yaml').metadata.name;
    await mkdir(join(dir, 'mnt-models'));
    await copyFile(join(dir, 'doubler.flm'), join(dir, 'mnt-models', `${modelName}.flm`));
    k8s = await start(deploymentContainer().args, 'doubler.flm', dir);
    kserve = await start(runtimeContainer().args, 'mnt-models', dir);
  });

  afterAll(async () => {
    await Promise.all(servers.splice(0).map((cli) => cli.stop('SIGKILL')));
  });

  it('answers every path the Dockerfile and the Deployment probe or scrape', async () => {
    const { template } = deployment().spec;
    const container = template.spec.containers[0]!;
    const paths = [
      healthcheckCommand.join(' ').match(/\/health\/\w+/)![0],
      container.livenessProbe!.httpGet.path,
      container.readinessProbe!.httpGet.path,
      template.metadata.annotations['prometheus.io/path']!,
    ];
    for (const path of paths) expect((await fetch(`${k8s.url}${path}`)).status, path).toBe(200);
  });

  it('answers, under KServe, its probe, its scrape and the protocol for the model named after the service', async () => {
    const paths = [
      runtimeContainer().readinessProbe!.httpGet.path,
      runtime().spec.annotations['prometheus.kserve.io/path']!,
      '/v2/health/live',
      `/v2/models/${modelName}/ready`,
    ];
    for (const path of paths) expect((await fetch(`${kserve.url}${path}`)).status, path).toBe(200);
    const infer = await fetch(`${kserve.url}/v2/models/${modelName}/infer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: [{ name: 'x', shape: [1, 1], datatype: 'FP32', data: [2] }] }),
    });
    expect(await infer.json()).toMatchObject({
      model_name: modelName,
      outputs: [{ name: 'y', shape: [1, 1], data: [4] }],
    });
  });
});
