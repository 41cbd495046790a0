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

/** `@scalar/api-reference`'s browser bundle could not be found or read. */
export class ScalarScriptNotFoundError extends DocsUiError {
  readonly specifier: string;

  constructor(specifier: string, options?: ErrorOptions) {
    super(
      `Cannot load Scalar's browser script "${specifier}". @flama/docs-ui serves it from node_modules; ` +
        'install it next to @flama/docs-ui with `pnpm add @scalar/api-reference@~1.46.0` (or npm/yarn).',
      options,
    );
    this.specifier = specifier;
  }
}
