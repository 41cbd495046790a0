import type { Command } from 'commander';
import { CliError } from './cli-error';
import { collect, fields } from './key-values';
import { createModelApp, type ModelSpec, modelAppDefaults } from './model-app';
import { modelFiles } from './model-files';
import {
  type ModelServingFlags,
  modelServingOptions,
  withModelServingOptions,
} from './model-serving-options';
import { type ServerFlags, serverOptions, withServerOptions } from './server-options';
import { startServer } from './start-server';

interface ServeFlags extends ServerFlags, ModelServingFlags {
  modelUrl: string;
  modelName: string;
  modelVersion?: string;
  model?: string[];
  appTitle: string;
  appVersion: string;
  appDescription: string;
  appDocs: string;
  appSchema: string;
  appDebug?: boolean;
  appMetrics: string;
  appMcp: string;
}

/** `flama serve model.flm`: serves one or more models, with docs, without writing code. */
export function serveCommand(program: Command): Command {
  const command = program
    .command('serve')
    .description(
      'Serve .flm models as an API with its docs page, health routes, the Open Inference Protocol (/v2/) and metrics, without code.',
    )
    .argument(
      '[file]',
      'the .flm file to serve, or a directory: every .flm in it, at /<name>/, named after its file',
    )
    .option('--model-url <url>', 'where the model is mounted', '/')
    .option('--model-name <name>', 'the model’s name (route names, docs, /v2/models/<name>)', 'model')
    .option(
      '--model-version <version>',
      'the version the Open Inference Protocol reports (default: extra.version, else 1)',
    )
    .option('--model <spec>', 'another model: file=a.flm,url=/a/,name=a (repeatable)', collect);
  return withServerOptions(
    withModelServingOptions(command)
      .option('--app-title <title>', 'the API’s title', modelAppDefaults.title)
      .option('--app-version <version>', 'the API’s version', modelAppDefaults.version)
      .option('--app-description <text>', 'the API’s description', modelAppDefaults.description)
      .option('--app-docs <path>', 'where the docs page is served ("" for none)', modelAppDefaults.docs)
      .option(
        '--app-schema <path>',
        'where the OpenAPI document is served ("" for none)',
        modelAppDefaults.schema,
      )
      .option('--app-debug', 'show errors’ internals in responses')
      .option(
        '--app-metrics <path>',
        'where Prometheus metrics are served ("" for none)',
        modelAppDefaults.metrics,
      )
      .option(
        '--app-mcp <path>',
        'where the MCP server is served, each model a tool ("" for none)',
        modelAppDefaults.mcp,
      ),
  ).action(async (file: string | undefined, flags: ServeFlags) => {
    const models = await modelSpecs(file, flags);
    const server = serverOptions(flags);
    const serving = modelServingOptions(flags, server.workers ?? 1);
    const app = () =>
      createModelApp(
        {
          title: flags.appTitle,
          version: flags.appVersion,
          description: flags.appDescription,
          docs: flags.appDocs || false,
          schema: flags.appSchema || false,
          debug: flags.appDebug ?? false,
          models,
          serving,
          metrics: flags.appMetrics || false,
          mcp: flags.appMcp || false,
        },
        'serve',
      );
    await startServer(app, server);
  });
}

async function modelSpecs(file: string | undefined, flags: ServeFlags): Promise<ModelSpec[]> {
  const specs: ModelSpec[] = [];
  const directory = file === undefined ? undefined : await modelFiles(file);
  if (directory) specs.push(...directory);
  else if (file) {
    const version = flags.modelVersion;
    specs.push({ path: file, url: flags.modelUrl, name: flags.modelName, ...(version && { version }) });
  }
  for (const text of flags.model ?? []) {
    const { file: path, url, name } = fields(text, '--model', ['file', 'url', 'name']);
    if (!path || !url || !name) throw new CliError(`--model needs file, url and name: "${text}".`);
    specs.push({ path, url, name });
  }
  if (specs.length === 0)
    throw new CliError('Nothing to serve: give a .flm file or --model file=…,url=…,name=….');
  return specs;
}
