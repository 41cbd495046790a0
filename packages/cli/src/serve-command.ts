import type { Command } from 'commander';
import { CliError } from './cli-error';
import { collect, fields } from './key-values';
import { createModelApp, type ModelSpec, modelAppDefaults } from './model-app';
import { type ServerFlags, serverOptions, withServerOptions } from './server-options';
import { startServer } from './start-server';

interface ServeFlags extends ServerFlags {
  modelUrl: string;
  modelName: string;
  model?: string[];
  appTitle: string;
  appVersion: string;
  appDescription: string;
  appDocs: string;
  appSchema: string;
  appDebug?: boolean;
}

/** `flama serve model.flm`: serves one or more models, with docs, without writing code. */
export function serveCommand(program: Command): Command {
  return withServerOptions(
    program
      .command('serve')
      .description('Serve .flm models as an API with its docs page, without code.')
      .argument('[file]', 'the .flm file to serve')
      .option('--model-url <url>', 'where the model is mounted', '/')
      .option('--model-name <name>', 'the model’s name (route names, docs)', 'model')
      .option('--model <spec>', 'another model: file=a.flm,url=/a/,name=a (repeatable)', collect)
      .option('--app-title <title>', 'the API’s title', modelAppDefaults.title)
      .option('--app-version <version>', 'the API’s version', modelAppDefaults.version)
      .option('--app-description <text>', 'the API’s description', modelAppDefaults.description)
      .option('--app-docs <path>', 'where the docs page is served ("" for none)', modelAppDefaults.docs)
      .option(
        '--app-schema <path>',
        'where the OpenAPI document is served ("" for none)',
        modelAppDefaults.schema,
      )
      .option('--app-debug', 'show errors’ internals in responses'),
  ).action(async (file: string | undefined, flags: ServeFlags) => {
    const models = modelSpecs(file, flags);
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
        },
        'serve',
      );
    await startServer(app, serverOptions(flags));
  });
}

function modelSpecs(file: string | undefined, flags: ServeFlags): ModelSpec[] {
  const specs: ModelSpec[] = file ? [{ path: file, url: flags.modelUrl, name: flags.modelName }] : [];
  for (const text of flags.model ?? []) {
    const { file: path, url, name } = fields(text, '--model', ['file', 'url', 'name']);
    if (!path || !url || !name) throw new CliError(`--model needs file, url and name: "${text}".`);
    specs.push({ path, url, name });
  }
  if (specs.length === 0)
    throw new CliError('Nothing to serve: give a .flm file or --model file=…,url=…,name=….');
  return specs;
}
