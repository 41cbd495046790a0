import { Command } from 'commander';
import { reloadCheckCommand } from './app-check';
import { modelCommand } from './model-command';
import { packCommand } from './pack-command';
import { runCommand } from './run-command';
import { schemaCommand } from './schema-command';
import { serveCommand } from './serve-command';
import { startCommand } from './start-command';
import { version } from './version';

/** The `flama` command and its subcommands. */
export function createProgram(): Command {
  const program = new Command('flama')
    .description('Flama for TypeScript: serve ML models and APIs.')
    .version(version, '-v, --version')
    .option('--debug', 'print stack traces of errors')
    .showHelpAfterError();
  runCommand(program);
  reloadCheckCommand(program);
  serveCommand(program);
  startCommand(program);
  modelCommand(program);
  packCommand(program);
  schemaCommand(program);
  return program;
}
