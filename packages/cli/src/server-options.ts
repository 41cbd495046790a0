import { type Command, Option } from 'commander';
import { CliError } from './cli-error';
import { type ServeOptions, serveDefaults } from './serve';

export interface ServerFlags {
  serverHost: string;
  serverPort: string;
  serverWorkers: string;
  serverKeepAliveTimeout: string;
  serverShutdownTimeout: string;
  serverMetricsPort?: string;
}

/** Where to listen when not told: `HOST` and `PORT` from the environment (as Flama), else 127.0.0.1:8000. */
export const listenDefaults = () => ({
  host: process.env.HOST || '127.0.0.1',
  port: process.env.PORT || '8000',
});

/** Adds the `--server-*` options every serving command has. */
export function withServerOptions(command: Command): Command {
  const { host, port } = listenDefaults();
  return command
    .addOption(new Option('--server-host <host>', 'the address to listen on (env: HOST)').default(host))
    .addOption(new Option('--server-port <port>', 'the port to listen on (env: PORT)').default(port))
    .option(
      '--server-workers <n>',
      'processes serving the port; keep processes × inference threads ≤ CPUs',
      '1',
    )
    .option(
      '--server-keep-alive-timeout <seconds>',
      'how long idle keep-alive connections stay open; behind a load balancer, more than its idle timeout (65 behind AWS ALB’s 60)',
      String(serveDefaults.keepAliveTimeout),
    )
    .option(
      '--server-shutdown-timeout <seconds>',
      'on SIGTERM/SIGINT, how long to finish accepted requests before cutting them',
      String(serveDefaults.shutdownTimeout),
    )
    .option(
      '--server-metrics-port <port>',
      'with --server-workers > 1: where the primary serves every worker’s Prometheus metrics together',
    );
}

export function serverOptions(flags: ServerFlags): ServeOptions {
  return {
    host: flags.serverHost,
    port: portNumber(flags.serverPort, '--server-port'),
    workers: count(flags.serverWorkers, '--server-workers'),
    keepAliveTimeout: seconds(flags.serverKeepAliveTimeout, '--server-keep-alive-timeout'),
    shutdownTimeout: seconds(flags.serverShutdownTimeout, '--server-shutdown-timeout'),
    ...(flags.serverMetricsPort !== undefined && {
      metricsPort: portNumber(flags.serverMetricsPort, '--server-metrics-port'),
    }),
  };
}

export function portNumber(text: string, name: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`${name} must be an integer between 0 and 65535, not "${text}".`);
  return port;
}

function count(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new CliError(`${name} must be a whole number ≥ 1, not "${text}".`);
  return value;
}

function seconds(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new CliError(`${name} must be a number of seconds above 0, not "${text}".`);
  return value;
}
