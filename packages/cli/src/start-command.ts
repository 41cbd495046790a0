import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { createConfig } from './create-config';
import type { FlamaConfig } from './flama-config';
import { loadApp, type ServableApp } from './load-app';
import { ModelApp } from './model-app';
import { readConfig } from './read-config';
import { serveApp } from './serve';

const configHelp = `
The config file (Flama's schema, defaults shown; paths are relative to the file's directory):
  {
    "app": {                                  or "src/app.ts:app", an app in code (as for flama run)
      "title": "Flama", "version": "0.1.0", "description": "…",
      "docs": "/docs/", "schema": "/schema/",  null, false or "" for none
      "debug": false,
      "models": [{ "url": "/model/", "path": "model.flm", "name": "model" }]
    },
    "server": { "host": "127.0.0.1", "port": 8000 }
  }`;

/** `flama start [flama.json]`: serves the app a config file describes. */
export function startCommand(program: Command): Command {
  return program
    .command('start')
    .description('Serve the app described by a config file (models and settings, or an app in code).')
    .argument('[config]', 'the config file', 'flama.json')
    .option('--create-config', 'write a starting config file at [config] instead (never overwrites)')
    .addHelpText('after', configHelp)
    .action(async (file: string, flags: { createConfig?: boolean }) => {
      if (flags.createConfig) return createConfig(file);
      const config = await readConfig(file);
      const app = await configuredApp(config.app, dirname(resolve(file)));
      await serveApp(app, config.server);
    });
}

function configuredApp(app: FlamaConfig['app'], directory: string): Promise<ServableApp> | ModelApp {
  if (typeof app === 'string') return loadApp(app, directory);
  const models = app.models.map((model) => ({ ...model, path: resolve(directory, model.path) }));
  return new ModelApp({ ...app, models });
}
