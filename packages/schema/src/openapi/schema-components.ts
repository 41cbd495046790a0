import { z } from 'zod';
import { InvalidSchemaIdError, OpenAPIError } from './errors';
import { type ConvertedView, convertView, type SchemaView } from './json-schema';
import { COMPONENT_PREFIX, canonicalJSON, collectComponentRefs, mapRefs } from './refs';
import type { SchemaObject } from './types';

export interface ConvertedSchemas {
  /** `schema` in the given view; named schemas inside (or itself) are `$ref`s into `components`. */
  json(schema: z.ZodType, view: SchemaView): SchemaObject;
  /** A top-level `$ref` replaced by the component it names (its sibling keywords kept). */
  inline(json: SchemaObject): SchemaObject;
  /** Every named schema met, in both views; prune to what the document uses. */
  components: Record<string, SchemaObject>;
}

const DEFS_PREFIX = '#/$defs/';
const COMPONENT_NAME = /^[a-zA-Z0-9._-]+$/;

/**
 * Converts all the schemas of a document at once, in both views. A named schema is the component `<id>`;
 * where its input view differs from its output view (defaults, transforms, or a named schema inside that
 * differs), the input view is the component `<id>Input`.
 */
export function convertSchemas(schemas: Iterable<z.ZodType>): ConvertedSchemas {
  const keys = new Map<z.ZodType, string>();
  for (const schema of schemas) if (!keys.has(schema)) keys.set(schema, `s${keys.size}`);
  const container = z.object(Object.fromEntries([...keys].map(([schema, key]) => [key, schema])));
  const views: Record<SchemaView, ConvertedView> = {
    input: convertView(container, 'input'),
    output: convertView(container, 'output'),
  };

  const inputNames = nameInputViews(views);
  const rename: Record<SchemaView, (ref: string) => string> = {
    input: (ref) => componentRef(ref, (id) => inputNames.get(id) ?? id),
    output: (ref) => componentRef(ref, (id) => id),
  };

  const components: Record<string, SchemaObject> = {};
  for (const [id, def] of Object.entries(views.output.defs)) components[id] = mapRefs(def, rename.output);
  for (const [id, def] of Object.entries(views.input.defs)) {
    const name = inputNames.get(id) ?? id;
    components[name] ??= mapRefs(def, rename.input);
  }

  return {
    json(schema, view) {
      const key = keys.get(schema);
      const json = key === undefined ? undefined : views[view].properties[key];
      if (!json)
        throw new OpenAPIError('Schema was not part of this conversion. This is a bug in @flama/schema.');
      return mapRefs(json, rename[view]);
    },
    inline(json) {
      const { $ref, ...rest } = json;
      if (typeof $ref !== 'string' || !$ref.startsWith(COMPONENT_PREFIX)) return json;
      const target = components[$ref.slice(COMPONENT_PREFIX.length)];
      return target ? { ...target, ...rest } : json;
    },
    components,
  };
}

/** Ids whose input view is its own component, mapped to that component's name. */
function nameInputViews(views: Record<SchemaView, ConvertedView>): Map<string, string> {
  const ids = new Set([...Object.keys(views.input.defs), ...Object.keys(views.output.defs)]);
  for (const id of ids) if (!COMPONENT_NAME.test(id)) throw new InvalidSchemaIdError(id);

  const differing = new Set<string>();
  const dependencies = new Map<string, Set<string>>();
  for (const [id, def] of Object.entries(views.input.defs)) {
    const output = views.output.defs[id];
    // A schema met only in the input view (e.g. before a transform) has no output view to clash with.
    if (!output) continue;
    if (canonicalJSON(def) !== canonicalJSON(output)) differing.add(id);
    const refs = new Set<string>();
    collectComponentRefs(
      mapRefs(def, (ref) => componentRef(ref, (name) => name)),
      refs,
    );
    dependencies.set(id, refs);
  }
  // Equal text can still mean different schemas when a named schema it refers to differs between views.
  let changed = true;
  while (changed) {
    changed = false;
    for (const [id, refs] of dependencies) {
      if (differing.has(id)) continue;
      for (const ref of refs) {
        if (differing.has(ref)) {
          differing.add(id);
          changed = true;
          break;
        }
      }
    }
  }

  const names = new Map<string, string>();
  for (const id of differing) {
    const name = `${id}Input`;
    if (ids.has(name)) {
      throw new OpenAPIError(
        `The input view of schema "${id}" differs from its output view and would be named "${name}", ` +
          'but another schema already has that id: rename one of them.',
      );
    }
    names.set(id, name);
  }
  return names;
}

function componentRef(ref: string, name: (id: string) => string): string {
  if (!ref.startsWith(DEFS_PREFIX)) return ref;
  const id = ref.slice(DEFS_PREFIX.length).replaceAll('~1', '/').replaceAll('~0', '~');
  return COMPONENT_PREFIX + name(id);
}
