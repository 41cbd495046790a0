import {
  DuplicateOperationError,
  DuplicateOperationIdError,
  InvalidPathError,
  UnknownSecuritySchemeError,
} from './errors';
import type { OpenAPIOptions, OperationDescription } from './options';
import type { SecurityRequirement } from './types';

/** Fails early, naming the culprit, on what would make the document invalid. */
export function checkOperations(options: OpenAPIOptions, operations: readonly OperationDescription[]): void {
  const schemes = new Set(Object.keys(options.securitySchemes ?? {}));
  checkSecurity(options.security, schemes, 'The document');

  const routes = new Set<string>();
  const operationIds = new Map<string, string>();
  for (const operation of operations) {
    const route = `${operation.method.toUpperCase()} ${operation.path}`;
    if (!operation.path.startsWith('/')) throw new InvalidPathError(operation.path);
    if (routes.has(route)) throw new DuplicateOperationError(route);
    routes.add(route);

    const { operationId } = operation;
    if (operationId !== undefined) {
      const first = operationIds.get(operationId);
      if (first !== undefined) throw new DuplicateOperationIdError(operationId, first, route);
      operationIds.set(operationId, route);
    }
    checkSecurity(operation.security, schemes, route);
  }
}

function checkSecurity(
  requirements: SecurityRequirement[] | undefined,
  schemes: Set<string>,
  where: string,
): void {
  for (const requirement of requirements ?? []) {
    for (const name of Object.keys(requirement)) {
      if (!schemes.has(name)) throw new UnknownSecuritySchemeError(name, where);
    }
  }
}
