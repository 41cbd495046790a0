import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { createConfig } from './create-config';
import type { FlamaConfig } from './flama-config';
import { loadApp, type ServableApp } from './load-app';
import { createModelApp } from './model-app';
import { modelSpec } from './model-entry';
import { readConfig } from './read-config';
import type { ServeOptions } from './serve';
import { listenDefaults, portNumber } from './server-options';
import { startServer } from './start-server';

const configHelp = `
The config file (Flama's schema, defaults shown; paths are relative to the file's directory):
  {
    "app": {                                  or "src/app.ts:app", an app in code (as for flama run)
      "title": "Flama", "version": "0.1.0", "description": "…",
      "docs": "/docs/", "schema": "/schema/",  null, false or "" for none
      "debug": false,
      "metrics": "/metrics",                    null, false or "" for none
      "mcp": "/mcp/",                           the MCP server, each model a tool; null, false or "" for none
      "watch": false,                           as --model-watch
      "models": [{
        "url": "/model/", "path": "model.flm", "name": "model",
        "version": "1",                         the Open Inference Protocol's; default extra.version, else 1
        "threads": 1, "batching": true,         as --model-threads, --no-model-batching
        "max_batch_size": 64, "max_queue_delay": 0, "max_queue_size": 1024, "timeout": 1000,
        "intra_op_threads": 1, "graph_optimization_level": "all", "execution_providers": ["cpu"]
      }]
    },
    "server": {
      "host": "127.0.0.1", "port": 8000,       HOST and PORT from the environment when left out
      "workers": 1,                             as --server-workers
      "keep_alive_timeout": 5,                  seconds, as --server-keep-alive-timeout
      "shutdown_timeout": 25,                   seconds, as --server-shutdown-timeout
      "metrics_port": 9464                      as --server-metrics-port (several workers)
    }
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
      await startServer(() => configuredApp(config, dirname(resolve(file))), serveOptions(config.server));
    });
}

function serveOptions(server: FlamaConfig['server']): ServeOptions {
  const fallback = listenDefaults();
  return {
    host: server.host ?? fallback.host,
    port: server.port ?? portNumber(fallback.port, 'PORT'),
    workers: server.workers,
    keepAliveTimeout: server.keep_alive_timeout,
    shutdownTimeout: server.shutdown_timeout,
    ...(server.metrics_port !== undefined && { metricsPort: server.metrics_port }),
  };
}

function configuredApp(config: FlamaConfig, directory: string): Promise<ServableApp> {
  const { app, server } = config;
  if (typeof app === 'string') return loadApp(app, directory);
  const { models, watch, ...settings } = app;
  return createModelApp(
    {
      ...settings,
      models: models.map((model) => modelSpec(model, (path) => resolve(directory, path))),
      serving: { watch, processes: server.workers },
    },
    'start',
  );
}
