import type { SchemaObject } from './types';

export const COMPONENT_PREFIX = '#/components/schemas/';

/** A deep copy of `json` with every `$ref` string passed through `rename`. */
export function mapRefs<T>(json: T, rename: (ref: string) => string): T {
  if (Array.isArray(json)) return json.map((item) => mapRefs(item, rename)) as T;
  if (json === null || typeof json !== 'object') return json;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    copy[key] = key === '$ref' && typeof value === 'string' ? rename(value) : mapRefs(value, rename);
  }
  return copy as T;
}

/** Adds to `into` the component names `json` refers to (directly, not through other components). */
export function collectComponentRefs(json: unknown, into: Set<string>): void {
  if (Array.isArray(json)) {
    for (const item of json) collectComponentRefs(item, into);
  } else if (json !== null && typeof json === 'object') {
    for (const [key, value] of Object.entries(json)) {
      if (key === '$ref' && typeof value === 'string') {
        if (value.startsWith(COMPONENT_PREFIX)) into.add(value.slice(COMPONENT_PREFIX.length));
      } else collectComponentRefs(value, into);
    }
  }
}

/** Components reachable from `roots`, in name order (the document must not depend on discovery order). */
export function reachableComponents(
  roots: unknown,
  components: Record<string, SchemaObject>,
): Record<string, SchemaObject> {
  const seen = new Set<string>();
  collectComponentRefs(roots, seen);
  const queue = [...seen];
  while (queue.length > 0) {
    const found = new Set<string>();
    collectComponentRefs(components[queue.pop()!], found);
    for (const name of found) {
      if (!seen.has(name)) {
        seen.add(name);
        queue.push(name);
      }
    }
  }
  const result: Record<string, SchemaObject> = {};
  for (const name of [...seen].sort()) {
    const schema = components[name];
    if (schema) result[name] = schema;
  }
  return result;
}

/** JSON text with object keys sorted: equal schemas give equal text whatever order zod wrote their keys in. */
export function canonicalJSON(json: unknown): string {
  if (Array.isArray(json)) return `[${json.map(canonicalJSON).join(',')}]`;
  if (json === null || typeof json !== 'object') return JSON.stringify(json) ?? 'null';
  const keys = Object.keys(json).sort();
  const record = json as Record<string, unknown>;
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJSON(record[key])}`).join(',')}}`;
}
