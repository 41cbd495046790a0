import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error';
import { describeIssues } from './config-issues';
import { FlamaConfig } from './flama-config';

/** Reads and checks a `flama.json`; every problem is one line naming the file (and the JSON path). */
export async function readConfig(file: string): Promise<FlamaConfig> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CliError(
      error.code === 'ENOENT'
        ? `Config file not found: ${file} (create one with: flama start --create-config)`
        : `Can't read ${file}: ${error.message}`,
    );
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const result = FlamaConfig.safeParse(json);
  if (!result.success) throw new CliError(`${file}: ${describeIssues(result.error.issues)}`);
  return result.data;
}
