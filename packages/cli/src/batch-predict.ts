import type { Model, Prediction, Row } from '@flama/ml';

/** Rows per call: small enough to show progress often, large enough to keep ONNX Runtime busy. */
export const BATCH_SIZE = 256;

/**
 * Predicts any number of rows, a batch at a time (so a file may hold more rows than the model's `maxRows`),
 * reporting the rows done after each batch. An input error names its row in the whole input.
 */
export async function predictInBatches(
  model: Model,
  rows: readonly Row[],
  onProgress: (done: number) => void,
): Promise<Prediction[]> {
  if (rows.length === 0) return model.predict(rows); // the model's own "no rows" error
  const outputs: Prediction[] = [];
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE);
    const predictions = await model.predict(batch).catch((error: unknown) => {
      throw renumbered(error, start);
    });
    for (const prediction of predictions) outputs.push(prediction);
    onProgress(outputs.length);
  }
  return outputs;
}

/** The engine counts rows from the start of its batch: count them from the start of the input instead. */
function renumbered(error: unknown, offset: number): unknown {
  // By name: @flama/ml is an optional package, imported only by the commands that use it.
  if (offset > 0 && error instanceof Error && error.name === 'ModelInputError') {
    error.message = error.message.replace(
      /\b([Rr]ow) (\d+)/g,
      (_, word, row) => `${word} ${Number(row) + offset}`,
    );
  }
  return error;
}
