import { CliError } from './cli-error';

/** A package that a command needs, an optional peer dependency of @flama/cli, is not installed. */
export class MissingPackageError extends CliError {
  override name = 'MissingPackageError';

  constructor(
    readonly specifier: string,
    command: string,
  ) {
    super(`flama ${command} needs ${specifier}: npm install ${specifier}`);
  }
}

/**
 * Imports `specifier` for `command`: a MissingPackageError (one line naming the package to add, exit code 1)
 * when it isn't installed; any other failure, such as a dependency missing inside it, as it is.
 */
export async function importOptional<T>(specifier: string, command: string): Promise<T> {
  try {
    return (await import(specifier)) as T;
  } catch (error) {
    if (isNotFound(error, specifier)) throw new MissingPackageError(specifier, command);
    throw error;
  }
}

/** `@flama/ml`: the .flm format and model serving, for `serve`, `start` with models, `model` and `pack`. */
export function importModels(command: string): Promise<typeof import('@flama/ml')> {
  return importOptional('@flama/ml', command);
}

/** `@flama/docs-ui`: the docs page of the apps `serve` and `start` make. */
export function importDocsPage(command: string): Promise<typeof import('@flama/docs-ui')> {
  return importOptional('@flama/docs-ui', command);
}

/**
 * `@flama/metrics`, for the Prometheus metrics of the apps `serve` and `start` make: optional there, so a
 * missing one only turns metrics off, saying so in one line.
 */
export async function importMetrics(): Promise<typeof import('@flama/metrics') | undefined> {
  try {
    return await importOptional<typeof import('@flama/metrics')>('@flama/metrics', 'serve');
  } catch (error) {
    if (!(error instanceof MissingPackageError)) throw error;
    console.warn('Metrics are off: @flama/metrics is not installed (npm install @flama/metrics).');
    return undefined;
  }
}

/**
 * `@flama/mcp`, for the MCP server of the apps `serve` makes (every model a tool): optional there, so a missing
 * one only turns MCP off, saying so in one line.
 */
export async function importMcp(): Promise<typeof import('@flama/mcp') | undefined> {
  try {
    return await importOptional<typeof import('@flama/mcp')>('@flama/mcp', 'serve');
  } catch (error) {
    if (!(error instanceof MissingPackageError)) throw error;
    console.warn('MCP is off: @flama/mcp is not installed (npm install @flama/mcp).');
    return undefined;
  }
}

function isNotFound(error: unknown, specifier: string): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    (error as Error).message.includes(`'${specifier}'`)
  );
}
