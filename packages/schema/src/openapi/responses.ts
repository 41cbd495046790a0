import { apiErrorSchema } from './api-error';
import { OpenAPIError } from './errors';
import type { OperationDescription, ResponseDescription } from './options';
import type { ConvertedSchemas } from './schema-components';
import type { Header, Response } from './types';

const STATUS = /^(default|[1-5](\d\d|XX))$/;
const JSON_TYPE = 'application/json';

/** The declared responses, plus the error responses the framework itself may answer with. */
export function responses(
  operation: OperationDescription,
  schemas: ConvertedSchemas,
): Record<string, Response> {
  const declared = operation.responses ?? {};
  const result: Record<string, Response> = {};
  for (const [status, description] of Object.entries(declared)) {
    if (!STATUS.test(status)) {
      throw new OpenAPIError(
        `Response "${status}" of ${operation.method.toUpperCase()} ${operation.path} is not a status code: use ` +
          "'200', '4XX' or 'default'.",
      );
    }
    result[status] = response(description, schemas);
  }
  if (Object.keys(declared).length === 0) result['200'] = { description: 'Successful response' };

  const error = (description: string): Response => ({
    description,
    content: { [JSON_TYPE]: { schema: schemas.json(apiErrorSchema, 'output') } },
  });
  const { params, query, headers, cookies, body } = operation;
  if (params || query || headers || cookies || body) result['400'] ??= error('Validation error');
  if (body) {
    result['413'] ??= error('Request body too large');
    result['415'] ??= error('Unsupported media type');
  }
  return result;
}

function response(description: ResponseDescription, schemas: ConvertedSchemas): Response {
  let headers: Record<string, Header> | undefined;
  if (description.headers) {
    headers = {};
    for (const [name, header] of Object.entries(description.headers)) {
      headers[name] = { description: header.description, schema: schemas.json(header.schema, 'output') };
    }
  }
  const contentType = description.contentType ?? (description.schema ? JSON_TYPE : undefined);
  return {
    description: description.description,
    headers,
    content: contentType
      ? { [contentType]: description.schema ? { schema: schemas.json(description.schema, 'output') } : {} }
      : undefined,
  };
}
