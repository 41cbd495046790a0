import { CliError } from './cli-error';
import { createProgram } from './program';

/** Runs the CLI; failures print one line on stderr (the stack too with --debug) and set the exit code. */
export async function main(argv: string[]): Promise<void> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const debug = argv.includes('--debug');
    const message = error instanceof Error ? error.message : String(error);
    console.error(debug && error instanceof Error ? (error.stack ?? message) : `flama: ${message}`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}
