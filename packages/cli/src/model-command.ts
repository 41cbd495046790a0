import { existsSync } from 'node:fs';
import { load, readFlm } from '@flama/ml';
import type { Command } from 'commander';
import { CliError } from './cli-error';
import { readJsonInput, writeJsonOutput } from './json-io';

interface ModelFlags {
  file?: string;
  output?: string;
  pretty?: boolean;
}

const actions = {
  /** Prints the metadata and artifact names, reading only the file (no inference session). */
  inspect: async (file: string, flags: ModelFlags) => {
    const { meta, artifacts } = await readFlm(file);
    await writeJsonOutput({ meta, artifacts: [...artifacts.keys()] }, flags.output, flags.pretty ?? false);
  },
  /** Predicts for a JSON array of rows, printing a JSON array with one output per row. */
  predict: async (file: string, flags: ModelFlags) => {
    const rows = await readJsonInput(flags.file);
    if (!Array.isArray(rows))
      throw new CliError('The input must be a JSON array of rows, e.g. [[1, 2, "a"]].');
    const model = await load(file);
    try {
      await writeJsonOutput(await model.predict(rows), flags.output, flags.pretty ?? false);
    } finally {
      await model.close();
    }
  },
};

/** `flama model <file> inspect|predict`: uses a `.flm` file without a server. */
export function modelCommand(program: Command): Command {
  return program
    .command('model')
    .description('Use a .flm model without a server.')
    .argument('<file>', 'the .flm file')
    .argument('<action>', 'inspect: print its metadata and artifacts; predict: one output per input row')
    .option(
      '-f, --file <path>',
      'predict: read the JSON array of rows from this file (default: standard input)',
    )
    .option('-o, --output <path>', 'write the JSON to this file (default: standard output)')
    .option('--pretty', 'indent the JSON')
    .action(async (file: string, action: string, flags: ModelFlags) => {
      if (!Object.hasOwn(actions, action)) {
        throw new CliError(`Unknown action "${action}": use ${Object.keys(actions).join(' or ')}.`);
      }
      if (!existsSync(file)) throw new CliError(`Model file not found: ${file}`);
      await actions[action as keyof typeof actions](file, flags);
    });
}
