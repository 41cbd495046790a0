import { apiErrorSchema } from './api-error';
import { checkOperations } from './checks';
import { buildOperation, operationSchemas } from './operation';
import type { OpenAPIOptions, OperationDescription } from './options';
import { reachableComponents } from './refs';
import { convertSchemas } from './schema-components';
import { documentTags } from './tags';
import type { OpenAPIDocument, PathItem } from './types';

/**
 * Builds an OpenAPI 3.1 document from route descriptions. Schemas with a zod meta id become components
 * (`$ref`s wherever used), request parts use zod's input view and responses its output view. Deterministic
 * and plain JSON: call it once and serve the result.
 */
export function buildOpenAPI(
  options: OpenAPIOptions,
  operations: readonly OperationDescription[],
): OpenAPIDocument {
  checkOperations(options, operations);
  const schemas = convertSchemas([apiErrorSchema, ...operations.flatMap(operationSchemas)]);

  const paths: Record<string, PathItem> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = buildOperation(operation, schemas);
  }
  const componentSchemas = reachableComponents(paths, schemas.components);
  const tags = documentTags(options.tags ?? [], operations);
  const hasComponents = Object.keys(componentSchemas).length > 0 || options.securitySchemes !== undefined;

  const document: OpenAPIDocument = {
    openapi: '3.1.0',
    info: options.info,
    servers: options.servers,
    security: options.security,
    tags: tags.length > 0 ? tags : undefined,
    externalDocs: options.externalDocs,
    paths,
    components: hasComponents
      ? {
          schemas: Object.keys(componentSchemas).length > 0 ? componentSchemas : undefined,
          securitySchemes: options.securitySchemes,
        }
      : undefined,
  };
  // A copy through JSON drops undefined members and shares nothing with the caller's objects.
  return JSON.parse(JSON.stringify(document)) as OpenAPIDocument;
}
