/** A description handed to `buildOpenAPI` can't become a valid OpenAPI document. */
export class OpenAPIError extends Error {
  override name = 'OpenAPIError';
}

export class DuplicateSchemaIdError extends OpenAPIError {
  override name = 'DuplicateSchemaIdError';

  constructor(readonly id: string) {
    super(
      `Two different zod schemas carry the meta id "${id}". Components are named by id, so each id must belong to one ` +
        'schema: define it once and reuse that constant, or give the other schema another id.',
    );
  }
}

export class InvalidSchemaIdError extends OpenAPIError {
  override name = 'InvalidSchemaIdError';

  constructor(readonly id: string) {
    super(
      `The zod meta id "${id}" can't name an OpenAPI component: use only letters, digits, ".", "-" and "_".`,
    );
  }
}

export class DuplicateOperationIdError extends OpenAPIError {
  override name = 'DuplicateOperationIdError';

  constructor(
    readonly operationId: string,
    first: string,
    second: string,
  ) {
    super(
      `operationId "${operationId}" is used by both ${first} and ${second}: operationIds must be unique.`,
    );
  }
}

export class DuplicateOperationError extends OpenAPIError {
  override name = 'DuplicateOperationError';

  constructor(readonly operation: string) {
    super(`${operation} is described twice: describe each method of a path once.`);
  }
}

export class UnknownSecuritySchemeError extends OpenAPIError {
  override name = 'UnknownSecuritySchemeError';

  constructor(
    readonly scheme: string,
    where: string,
  ) {
    super(
      `${where} requires the security scheme "${scheme}", which is not in options.securitySchemes: declare it there.`,
    );
  }
}

export class InvalidPathError extends OpenAPIError {
  override name = 'InvalidPathError';

  constructor(readonly path: string) {
    super(`Path "${path}" must start with "/" and write parameters OpenAPI's way ("/user/{id}/").`);
  }
}
