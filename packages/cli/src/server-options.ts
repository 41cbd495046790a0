import type { Command } from 'commander';
import { CliError } from './cli-error';
import type { ServeOptions } from './serve';

/** Adds `--server-host` and `--server-port`, as every serving command has them. */
export function withServerOptions(command: Command): Command {
  return command
    .option('--server-host <host>', 'the address to listen on', '127.0.0.1')
    .option('--server-port <port>', 'the port to listen on', '8000');
}

export function serverOptions(options: { serverHost: string; serverPort: string }): ServeOptions {
  const port = Number(options.serverPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(`--server-port must be an integer between 0 and 65535, not "${options.serverPort}".`);
  }
  return { host: options.serverHost, port };
}
