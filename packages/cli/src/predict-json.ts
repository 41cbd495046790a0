import type { Model, Row } from '@flama/ml';
import { predictInBatches } from './batch-predict';
import { CliError } from './cli-error';
import { readJsonInput, writeJsonOutput } from './json-io';
import { noProgress, progressOn } from './progress-bar';

export interface PredictJsonFlags {
  file?: string;
  output?: string;
  pretty?: boolean;
}

/**
 * A JSON array of rows → a JSON array with one output per row (with a progress bar on a terminal when the
 * rows come from --file); a JSON object of named tensors → the model's named outputs with their shapes.
 */
export async function predictJson(model: Model, flags: PredictJsonFlags): Promise<void> {
  const input = await readJsonInput(flags.file);
  let output: unknown;
  if (Array.isArray(input)) {
    output = await predictRows(model, input, flags.file !== undefined);
  } else if (typeof input === 'object' && input !== null) {
    output = await model.run(input as Record<string, unknown>);
  } else {
    throw new CliError(
      'The input must be a JSON array of rows, e.g. [[1, 2, "a"]], or an object of named tensors, e.g. {"x": [[1, 2]]}.',
    );
  }
  await writeJsonOutput(output, flags.output, flags.pretty ?? false);
}

async function predictRows(model: Model, rows: Row[], fromFile: boolean) {
  const progress = fromFile ? progressOn(process.stderr, rows.length) : noProgress;
  progress.update(0);
  try {
    return await predictInBatches(model, rows, (done) => progress.update(done));
  } finally {
    progress.clear();
  }
}
