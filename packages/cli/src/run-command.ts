import type { ServingOptions } from '@flama/ml';
import type { Command } from 'commander';
import { CliError } from './cli-error';
import { loadApp, type ServableApp } from './load-app';
import {
  hasModelServingFlags,
  type ModelServingFlags,
  modelServingOptions,
  withModelServingOptions,
} from './model-serving-options';
import { followSupervisor, ReloadSupervisor } from './reload-supervisor';
import { type ServerFlags, serverOptions, withServerOptions } from './server-options';
import { startServer } from './start-server';

/** `flama run <file>[:export]`: serves an app from a TypeScript or JavaScript file. */
export function runCommand(program: Command): Command {
  return withServerOptions(
    withModelServingOptions(
      program
        .command('run')
        .description('Serve the app exported by a .ts or .js file (export "app", else the default export).')
        .argument('<app>', 'the app file, optionally with an export name: src/app.ts or src/app.ts:api')
        .option('--reload', 'restart when a source file changes, once the app loads again (development)'),
    ),
  ).action(async (reference: string, options: ServerFlags & ModelServingFlags & { reload?: boolean }) => {
    if (options.reload) {
      const args = process.argv.slice(2).filter((arg) => arg !== '--reload');
      return new ReloadSupervisor(reference, args).run();
    }
    followSupervisor();
    const server = serverOptions(options);
    const serving = hasModelServingFlags(options)
      ? modelServingOptions(options, server.workers ?? 1)
      : undefined;
    await startServer(async () => configured(await loadApp(reference), serving), server);
  });
}

/** An app whose models take the `--model-*` flags: a Flama app, or any app with a compatible `models`. */
type WithModels = ServableApp & { models?: { configure?(options: ServingOptions): unknown } };

function configured(app: WithModels, serving: ServingOptions | undefined): ServableApp {
  if (!serving) return app;
  if (typeof app.models?.configure !== 'function') {
    throw new CliError('--model-* options need an app that serves models (a Flama app, with app.models).');
  }
  app.models.configure(serving);
  return app;
}
