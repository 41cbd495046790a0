import type { z } from 'zod';
import { OpenAPIError } from './errors';
import type { ConvertedSchemas } from './schema-components';
import type { Parameter, ParameterLocation, SchemaObject } from './types';

const TEMPLATE = /\{([^{}]+)\}/g;

/** Names of the `{name}` expressions of an OpenAPI path, in order. */
export function pathTemplateNames(path: string): string[] {
  return [...path.matchAll(TEMPLATE)].map((match) => match[1]!);
}

/** One Parameter object per field of `object`, in field order, read from its input view. */
export function parameters(
  location: ParameterLocation,
  object: z.ZodObject | undefined,
  schemas: ConvertedSchemas,
): Parameter[] {
  if (!object) return [];
  const json = schemas.inline(schemas.json(object, 'input'));
  const properties = (json.properties ?? {}) as Record<string, SchemaObject>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...schema } = property;
    const list = location === 'query' && isArray(schemas.inline(schema));
    return {
      name,
      in: location,
      description: typeof description === 'string' ? description : undefined,
      required: location === 'path' || required.has(name),
      deprecated: schema.deprecated === true ? true : undefined,
      // Spelled out (they are query's defaults) so readers see how a list is sent: ?tag=a&tag=b.
      style: list ? 'form' : undefined,
      explode: list ? true : undefined,
      schema,
    };
  });
}

/** Path parameters: the schema's fields, plus a string for any template name it doesn't describe. */
export function pathParameters(
  path: string,
  object: z.ZodObject | undefined,
  schemas: ConvertedSchemas,
): Parameter[] {
  const names = pathTemplateNames(path);
  const described = parameters('path', object, schemas);
  for (const parameter of described) {
    if (!names.includes(parameter.name)) {
      throw new OpenAPIError(
        `Path parameter "${parameter.name}" is not in the path "${path}": add "{${parameter.name}}" to the path ` +
          'or remove the field from params.',
      );
    }
  }
  const undescribed = names
    .filter((name) => !described.some((parameter) => parameter.name === name))
    .map((name): Parameter => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  return [...described, ...undescribed];
}

function isArray(schema: SchemaObject): boolean {
  return schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
}
