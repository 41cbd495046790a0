import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
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
        .option('--reload', 'restart when a source file changes (development)'),
    ),
  ).action(async (reference: string, options: ServerFlags & ModelServingFlags & { reload?: boolean }) => {
    if (options.reload) return reloading(process.argv.slice(2).filter((arg) => arg !== '--reload'));
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

/** Re-runs this command under tsx's watcher, which restarts it when the app or anything it imports changes. */
function reloading(args: string[]): Promise<never> {
  const require = createRequire(import.meta.url);
  const tsxCli = require.resolve('tsx/cli');
  const bin = fileURLToPath(
    new URL(import.meta.url.endsWith('.ts') ? './bin.ts' : './bin.js', import.meta.url),
  );
  const child = spawn(process.execPath, [tsxCli, 'watch', '--clear-screen=false', bin, ...args], {
    stdio: 'inherit',
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((_resolve) => {
    child.on('exit', (code) => process.exit(code ?? 0));
  });
}
