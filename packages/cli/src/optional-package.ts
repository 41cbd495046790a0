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
 * Imports a package that only adds a feature to the apps `serve` and `start` make: a missing one turns the
 * feature off, saying so in one line, instead of stopping the command.
 */
async function importFeature<T>(specifier: string, feature: string): Promise<T | undefined> {
  try {
    return await importOptional<T>(specifier, 'serve');
  } catch (error) {
    if (!(error instanceof MissingPackageError)) throw error;
    console.warn(`${feature} is off: ${specifier} is not installed (npm install ${specifier}).`);
    return undefined;
  }
}

/** `@flama/metrics`, for the Prometheus metrics of the apps `serve` and `start` make. */
export function importMetrics(): Promise<typeof import('@flama/metrics') | undefined> {
  return importFeature('@flama/metrics', 'Metrics');
}

/** `@flama/mcp`, for the MCP server of the apps `serve` makes (every model a tool). */
export function importMcp(): Promise<typeof import('@flama/mcp') | undefined> {
  return importFeature('@flama/mcp', 'MCP');
}

function isNotFound(error: unknown, specifier: string): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    (error as Error).message.includes(`'${specifier}'`)
  );
}
