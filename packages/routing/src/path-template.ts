import { z } from 'zod';

/** The converters a path segment may name, as in Flama: `{id:int}`, `{price:float}`, `{key:uuid}`, `{rest:path}`. */
const converters = {
  str: { pattern: '[^/]+', schema: () => z.string(), convert: (raw: string) => raw },
  int: { pattern: '-?[0-9]+', schema: () => z.int(), convert: (raw: string) => Number.parseInt(raw, 10) },
  float: {
    pattern: '-?[0-9]+(?:\\.[0-9]+)?',
    schema: () => z.number(),
    convert: (raw: string) => Number.parseFloat(raw),
  },
  uuid: {
    pattern: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
    schema: () => z.uuid(),
    convert: (raw: string) => raw.toLowerCase(),
  },
  path: { pattern: '.+', schema: () => z.string(), convert: (raw: string) => raw },
} as const;

type ConverterName = keyof typeof converters;

export interface PathParam {
  readonly name: string;
  readonly converter: ConverterName;
  readonly convert: (raw: string) => string | number;
}

/** A segment type that does not exist, a malformed placeholder or a repeated name. */
export class PathTemplateError extends Error {
  override name = 'PathTemplateError';
}

const placeholder = /\{([^{}]*)\}/g;
const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A route path such as `/user/{id:int}/`, parsed once when the route is declared. */
export class PathTemplate {
  readonly params: readonly PathParam[];
  /** Hono's form, with each typed segment constrained by a pattern: `/user/:id{-?[0-9]+}/`. */
  readonly hono: string;
  /** OpenAPI's form: `/user/{id}/`. */
  readonly openapi: string;

  constructor(readonly template: string) {
    if (!template.startsWith('/')) throw new PathTemplateError(`Path "${template}" must start with "/".`);
    const params: PathParam[] = [];
    const toHono = template.replace(placeholder, (_match, body: string) => {
      const [name = '', converter = 'str', ...extra] = body.split(':');
      if (!identifier.test(name) || extra.length > 0) {
        throw new PathTemplateError(`Path "${template}" has a malformed parameter "{${body}}".`);
      }
      if (!(converter in converters)) {
        const known = Object.keys(converters).join(', ');
        throw new PathTemplateError(
          `Path "${template}" uses unknown type "${converter}" for "${name}"; use one of ${known}.`,
        );
      }
      if (params.some((param) => param.name === name)) {
        throw new PathTemplateError(`Path "${template}" repeats the parameter "${name}".`);
      }
      const known = converters[converter as ConverterName];
      params.push({ name, converter: converter as ConverterName, convert: known.convert });
      return `:${name}{${known.pattern}}`;
    });
    if (/[{}]/.test(template.replace(placeholder, ''))) {
      throw new PathTemplateError(`Path "${template}" has an unbalanced "{" or "}".`);
    }
    this.params = params;
    this.hono = toHono;
    this.openapi = template.replace(placeholder, (_match, body: string) => `{${body.split(':')[0]}}`);
  }

  /** The zod object describing the typed segments, for documentation. */
  schema(): z.ZodObject {
    const shape: Record<string, z.ZodType> = {};
    for (const param of this.params) shape[param.name] = converters[param.converter].schema();
    return z.object(shape);
  }

  /** Converts the raw segment values of a matched request into their declared types. */
  convert(raw: Record<string, string>): Record<string, string | number> {
    const values: Record<string, string | number> = {};
    for (const param of this.params) values[param.name] = param.convert(raw[param.name] ?? '');
    return values;
  }

  /** Builds a URL from values, checking each against its segment type. */
  format(values: Record<string, unknown>): string {
    return this.template.replace(placeholder, (_match, body: string) => {
      const [name = '', converter = 'str'] = body.split(':');
      const value = values[name];
      if (value === undefined || value === null) {
        throw new PathTemplateError(`Missing value for "${name}" to build "${this.template}".`);
      }
      const text = String(value);
      const encoded =
        converter === 'path' ? text.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(text);
      const pattern = new RegExp(`^(?:${converters[converter as ConverterName].pattern})$`);
      if (!pattern.test(encoded)) {
        throw new PathTemplateError(
          `Value "${text}" for "${name}" is not a valid ${converter} in "${this.template}".`,
        );
      }
      return encoded;
    });
  }

  /** Prefixes this template with a mount path (whole segments: `/api` + `/users/`). */
  prefixed(prefix: string): PathTemplate {
    if (!prefix || prefix === '/') return this;
    return new PathTemplate(joinPaths(prefix, this.template));
  }
}

/** Joins a mount prefix and a path without doubling or dropping the slash between them. */
export function joinPaths(prefix: string, path: string): string {
  const head = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return `${head}${path.startsWith('/') ? path : `/${path}`}`;
}

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S;
type ParamType<C extends string> = C extends 'int' | 'float' ? number : string;
type ParamEntry<Body extends string> = Body extends `${infer Name}:${infer Converter}`
  ? { [K in Trim<Name>]: ParamType<Converter> }
  : { [K in Trim<Body>]: string };

/** The typed path params of a template: `PathParamsOf<'/user/{id:int}/'>` is `{ id: number }`. */
export type PathParamsOf<Path extends string> = Path extends `${string}{${infer Body}}${infer Rest}`
  ? ParamEntry<Body> & PathParamsOf<Rest>
  : Record<never, never>;
