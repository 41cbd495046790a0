import type { z } from 'zod';
import type { OperationDescription } from './options';
import { parameters, pathParameters } from './parameters';
import { responses } from './responses';
import type { ConvertedSchemas } from './schema-components';
import type { Operation } from './types';

/** Every zod schema an operation documents, for the document-wide conversion. */
export function operationSchemas(operation: OperationDescription): z.ZodType[] {
  const { params, query, headers, cookies, body } = operation;
  const found: z.ZodType[] = [];
  for (const schema of [params, query, headers, cookies, body]) if (schema) found.push(schema);
  for (const response of Object.values(operation.responses ?? {})) {
    if (response.schema) found.push(response.schema);
    for (const header of Object.values(response.headers ?? {})) found.push(header.schema);
  }
  return found;
}

export function buildOperation(operation: OperationDescription, schemas: ConvertedSchemas): Operation {
  const parameterList = [
    ...pathParameters(operation.path, operation.params, schemas),
    ...parameters('query', operation.query, schemas),
    ...parameters('header', operation.headers, schemas),
    ...parameters('cookie', operation.cookies, schemas),
  ];
  const { body } = operation;
  return {
    tags: operation.tags,
    summary: operation.summary,
    description: operation.description,
    operationId: operation.operationId,
    parameters: parameterList.length > 0 ? parameterList : undefined,
    requestBody: body
      ? {
          required: operation.bodyRequired ?? true,
          content: {
            [operation.bodyContentType ?? 'application/json']: { schema: schemas.json(body, 'input') },
          },
        }
      : undefined,
    responses: responses(operation, schemas),
    deprecated: operation.deprecated,
    security: operation.security,
    ...operation.extensions,
  };
}
