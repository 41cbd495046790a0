/** Base class of every error thrown by @flama/docs-ui. */
export class DocsUiError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A `DocsOptions` value that can't make a working page. */
export class DocsOptionsError extends DocsUiError {
  readonly option: string;

  constructor(option: string, message: string, options?: ErrorOptions) {
    super(`Invalid docs option "${option}": ${message}`, options);
    this.option = option;
  }
}

/** Scalar's browser script, which @flama/docs-ui ships and serves, could not be found or read. */
export class ScalarScriptNotFoundError extends DocsUiError {
  /** The file looked for. */
  readonly file: string;

  constructor(file: string, options?: ErrorOptions) {
    super(
      `Cannot read Scalar's browser script at ${file}: @flama/docs-ui ships it in dist/scalar/, so reinstall ` +
        '@flama/docs-ui; in a checkout of Flama it comes from the dev dependency @scalar/api-reference ' +
        '(run pnpm install).',
      options,
    );
    this.file = file;
  }
}
