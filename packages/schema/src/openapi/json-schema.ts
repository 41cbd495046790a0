import { z } from 'zod';
import { DuplicateSchemaIdError } from './errors';
import type { SchemaObject } from './types';

/** Requests are documented with zod's input view, responses with its output view. */
export type SchemaView = 'input' | 'output';

export interface ConvertedView {
  properties: Record<string, SchemaObject>;
  /** Schemas zod extracted: those with a meta id (by id) and unnamed recursive ones (`__schemaN`). */
  defs: Record<string, SchemaObject>;
}

const DUPLICATE_ID = /^Duplicate schema id "(.*)"/;

/**
 * Converts every property of `container` in one zod conversion, so that schemas shared between them are seen
 * once and two different schemas with the same id are caught.
 */
export function convertView(container: z.ZodObject, view: SchemaView): ConvertedView {
  let json: SchemaObject;
  try {
    json = z.toJSONSchema(container, {
      target: 'draft-2020-12',
      io: view,
      // Transforms have no JSON Schema: their output documents as "any value".
      unrepresentable: 'any',
      cycles: 'ref',
      reused: 'inline',
      override: view === 'output' ? overrideOutput : overrideCommon,
    });
  } catch (error) {
    const duplicate = error instanceof Error ? DUPLICATE_ID.exec(error.message) : null;
    if (duplicate) throw new DuplicateSchemaIdError(duplicate[1]!);
    throw error;
  }
  return {
    properties: (json.properties ?? {}) as Record<string, SchemaObject>,
    defs: (json.$defs ?? {}) as Record<string, SchemaObject>,
  };
}

type OverrideContext = { zodSchema: z.core.$ZodTypes; jsonSchema: z.core.JSONSchema.BaseSchema };

function overrideCommon({ zodSchema, jsonSchema }: OverrideContext): void {
  const type = zodSchema._zod.def.type;
  // Dates travel as ISO 8601 strings in JSON (and query strings); bigints as integers.
  if (type === 'date') {
    jsonSchema.type = 'string';
    jsonSchema.format = 'date-time';
  } else if (type === 'bigint') {
    jsonSchema.type = 'integer';
  }
  // z.int() states the safe-integer range on every integer: noise in a document.
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}

function overrideOutput(context: OverrideContext): void {
  overrideCommon(context);
  // zod closes every plain object in the output view. Handlers' results are not re-parsed on the way out, so
  // extra keys can reach the client: keep the object open, as its input view is (strict objects stay closed).
  const def = context.zodSchema._zod.def;
  if (
    def.type === 'object' &&
    def.catchall === undefined &&
    context.jsonSchema.additionalProperties === false
  ) {
    delete context.jsonSchema.additionalProperties;
  }
}
