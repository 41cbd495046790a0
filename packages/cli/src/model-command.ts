import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Model } from '@flama/ml';
import type { Command } from 'commander';
import { CliError } from './cli-error';
import { writeJsonOutput } from './json-io';
import { importModels } from './optional-package';
import { predictJson } from './predict-json';
import { predictStream } from './predict-stream';

interface ModelFlags {
  file?: string;
  output?: string;
  pretty?: boolean;
  stream?: boolean;
}

const actions = {
  /** Prints the metadata and artifact names, decompressing neither the artifacts nor the model. */
  inspect: async (file: string, flags: ModelFlags) => {
    const { inspectFlm } = await importModels('model');
    await writeJsonOutput(await inspectFlm(file), flags.output, flags.pretty ?? false);
  },
  /** Predicts from JSON, or line by line with --stream; a model only Python can run fails before any input is read. */
  predict: async (file: string, flags: ModelFlags) => {
    if (flags.stream && flags.pretty) {
      throw new CliError('--pretty and --stream don’t mix: --stream writes one JSON value per line.');
    }
    const { load } = await importModels('model');
    const model = await load(file);
    try {
      const reason = model.notRunnableReason; // set when the model isn't runnable here
      if (reason) throw new CliError(reason);
      await (flags.stream ? streamFiles(model, flags) : predictJson(model, flags));
    } finally {
      await model.close();
    }
  },
};

/** --stream from standard input to standard output, or from --file and to --output (written as it goes). */
async function streamFiles(model: Model, flags: ModelFlags): Promise<void> {
  const input = flags.file ? (await openFile(flags.file, 'r')).createReadStream() : process.stdin;
  if (!flags.output) return predictStream(model, input, process.stdout);
  const output = (await openFile(flags.output, 'w')).createWriteStream();
  try {
    await predictStream(model, input, output);
  } finally {
    await finished(output.end());
  }
}

function openFile(path: string, mode: 'r' | 'w') {
  return open(path, mode).catch((error: Error) => {
    throw new CliError(`Can't ${mode === 'r' ? 'read' : 'write'} ${path}: ${error.message}`);
  });
}

/** `flama model <file> inspect|predict`: uses a `.flm` file without a server. */
export function modelCommand(program: Command): Command {
  return program
    .command('model')
    .description('Use a .flm model without a server.')
    .argument('<file>', 'the .flm file')
    .argument('<action>', 'inspect: print its metadata and artifacts; predict: one output per input row')
    .option('-f, --file <path>', 'predict: read the input from this file (default: standard input)')
    .option('-o, --output <path>', 'write the output to this file (default: standard output)')
    .option('--pretty', 'indent the JSON')
    .option(
      '--stream',
      'predict: read newline-delimited JSON (a row [...] or named tensors {...} per line) and write one line per prediction as it is made',
    )
    .addHelpText('after', predictHelp)
    .action(async (file: string, action: string, flags: ModelFlags) => {
      if (!Object.hasOwn(actions, action)) {
        throw new CliError(`Unknown action "${action}": use ${Object.keys(actions).join(' or ')}.`);
      }
      if (!existsSync(file)) throw new CliError(`Model file not found: ${file}`);
      await actions[action as keyof typeof actions](file, flags);
    });
}

const predictHelp = `
predict takes a JSON array of rows, [[1, 2, "a"], ...], and prints a JSON array with one output per row
(a progress bar shows on a terminal when the rows come from --file); or an object of named tensors,
{"x": [[1, 2]]}, and prints every named output with its type and shape.
With --stream, each input line is one row or one object of named tensors, and each output line its
prediction; a bad line prints {"error": "...", "line": n} and the rest go on (exit code 1 at the end).
A model only Python can run (a pickled scikit-learn model, torch, keras) can be inspected; predict fails
at once, saying how to export it to ONNX.`;
