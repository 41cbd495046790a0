import { readFile, writeFile } from 'node:fs/promises';
import { CliError } from './cli-error';

/** Reads JSON from a file, or from standard input when there is no file. */
export async function readJsonInput(file: string | undefined): Promise<unknown> {
  const text = file
    ? await readFile(file, 'utf8').catch(() => fail(`Can't read ${file}.`))
    : await readStdin();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file ?? 'Standard input'} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Writes JSON to a file or to standard output, indented with `pretty`. */
export async function writeJsonOutput(
  value: unknown,
  file: string | undefined,
  pretty: boolean,
): Promise<void> {
  const text = `${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`;
  if (file) await writeFile(file, text);
  else process.stdout.write(text);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function fail(message: string): never {
  throw new CliError(message);
}
