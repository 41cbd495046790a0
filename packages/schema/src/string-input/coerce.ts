import { z } from 'zod';

/** Returned by a scalar coercer when the text can't become what the field expects. */
export const FAILED: unique symbol = Symbol('coercion failed');

/** Turns one raw string into the field's input value; `undefined` means "treat as absent", FAILED means no fit. */
export type ScalarCoercer = (text: string) => unknown;

/** How one field of a query/path/header object is read from raw strings, decided once per schema. */
export interface FieldCoercion {
  /** The field takes a list: repeated keys (or a single value) become an array. */
  readonly array: boolean;
  readonly scalar: ScalarCoercer;
  /** Shown instead of zod's message when coercion failed; undefined keeps zod's. */
  readonly message: string | undefined;
}

const identity: ScalarCoercer = (text) => text;
const MAX_DEPTH = 32;

export function fieldCoercion(schema: z.core.$ZodType): FieldCoercion {
  return plan(schema, 0);
}

function plan(schema: z.core.$ZodType, depth: number): FieldCoercion {
  if (depth > MAX_DEPTH) return scalar(identity, undefined);
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nonoptional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
      return plan(def.innerType, depth + 1);
    case 'nullable': {
      const inner = plan(def.innerType, depth + 1);
      return { ...inner, scalar: orNull(inner.scalar) };
    }
    case 'pipe':
      // The input side is what the raw string must become; a preprocess (transform first) takes it as is.
      return def.in._zod.def.type === 'transform' ? scalar(identity, undefined) : plan(def.in, depth + 1);
    case 'lazy':
      return plan(def.getter(), depth + 1);
    case 'array': {
      const element = plan(def.element, depth + 1);
      return { array: true, scalar: element.scalar, message: element.message };
    }
    case 'number':
      return isInteger(schema)
        ? scalar(toInteger, 'Expected an integer')
        : scalar(toNumber, 'Expected a number');
    case 'bigint':
      return scalar(toBigInt, 'Expected an integer');
    case 'boolean':
      return scalar(toBoolean, "Expected a boolean ('true', 'false', '1' or '0')");
    case 'date':
      return scalar(toDate, 'Expected a date (ISO 8601)');
    case 'null':
      return scalar(
        orNull(() => FAILED),
        'Expected null',
      );
    case 'literal':
      return scalar(oneOf(def.values), undefined);
    case 'enum':
      return scalar(oneOf(z.core.util.getEnumValues(def.entries)), undefined);
    case 'union':
      return union(def.options.map((option) => plan(option, depth + 1)));
    default:
      return scalar(identity, undefined);
  }
}

function scalar(coerce: ScalarCoercer, message: string | undefined): FieldCoercion {
  return { array: false, scalar: coerce, message };
}

function isInteger(schema: z.core.$ZodType): boolean {
  return schema instanceof z.ZodNumber && schema.isInt;
}

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

function toNumber(text: string): unknown {
  if (text === '') return undefined;
  return NUMERIC.test(text) ? Number(text) : FAILED;
}

function toInteger(text: string): unknown {
  const value = toNumber(text);
  return typeof value === 'number' && !Number.isInteger(value) ? FAILED : value;
}

const INTEGER = /^\s*[-+]?\d+\s*$/;

function toBigInt(text: string): unknown {
  if (text === '') return undefined;
  return INTEGER.test(text) ? BigInt(text.trim()) : FAILED;
}

function toBoolean(text: string): unknown {
  switch (text.toLowerCase()) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
    case '':
      return undefined;
    default:
      return FAILED;
  }
}

function toDate(text: string): unknown {
  if (text === '') return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? FAILED : date;
}

/** Literals and enums: the member whose string form is the text (so `"2"` finds the number 2). */
function oneOf(values: Iterable<unknown>): ScalarCoercer {
  const byText = new Map<string, unknown>();
  for (const value of values) if (!byText.has(String(value))) byText.set(String(value), value);
  return (text) => {
    if (byText.has(text)) return byText.get(text);
    return text === '' ? undefined : FAILED;
  };
}

function orNull(coerce: ScalarCoercer): ScalarCoercer {
  return (text) => {
    const value = coerce(text);
    return value === FAILED && text === 'null' ? null : value;
  };
}

/** The first option whose coercion fits wins, so put the more specific options first. */
function union(options: FieldCoercion[]): FieldCoercion {
  const array = options.length > 0 && options.every((option) => option.array);
  const scalars = options.map((option) => option.scalar);
  const messages = new Set(options.map((option) => option.message));
  const message = messages.size === 1 ? [...messages][0] : undefined;
  return {
    array,
    message,
    scalar: (text) => {
      let absent = false;
      for (const coerce of scalars) {
        const value = coerce(text);
        if (value === undefined) absent = true;
        else if (value !== FAILED) return value;
      }
      return absent ? undefined : FAILED;
    },
  };
}
