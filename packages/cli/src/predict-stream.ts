import type { Readable, Writable } from 'node:stream';
import type { Model } from '@flama/ml';
import { CliError } from './cli-error';
import { LineWriter, lines } from './ndjson';

/**
 * Newline-delimited JSON in, one line out per prediction as soon as it is computed. A line holds a row
 * (`[1, 2, "a"]`) or named tensors (`{"x": [[1, 2]]}`); blank lines are skipped; a bad line answers
 * `{"error": …, "line": n}` and the stream goes on. Fails at the end when any line did.
 */
export async function predictStream(model: Model, input: Readable, output: Writable): Promise<void> {
  const writer = new LineWriter(output);
  let lineNumber = 0;
  let answered = 0;
  let failed = 0;
  input.setEncoding('utf8');
  for await (const line of lines(input)) {
    lineNumber++;
    if (line.trim() === '') continue;
    const result = await predictLine(model, line).catch((error: unknown) => {
      failed++;
      return { error: error instanceof Error ? error.message : String(error), line: lineNumber };
    });
    answered++;
    if (!(await writer.write(JSON.stringify(result)))) break;
  }
  if (failed > 0) {
    throw new CliError(`${failed} of ${answered} lines failed; their errors are in the output.`);
  }
}

async function predictLine(model: Model, line: string): Promise<unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new Error(`Invalid JSON: ${(error as Error).message}`);
  }
  if (Array.isArray(value)) return (await model.predict([value]))[0];
  if (typeof value === 'object' && value !== null) return model.run(value as Record<string, unknown>);
  throw new Error('A line must be a JSON array (one row) or an object of named tensors');
}
