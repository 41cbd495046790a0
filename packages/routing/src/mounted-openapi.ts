import type { OpenAPIDocument } from '@flama/schema';
import { joinPaths } from './path-template';

/**
 * A mounted Hono app that documents itself, as @hono/zod-openapi's `OpenAPIHono` does: recognised by its
 * shape, so routing needs no import of that library.
 */
export interface DocumentedHono {
  getOpenAPI31Document(config: { openapi: string; info: { title: string; version: string } }): unknown;
}

export function isDocumentedHono(app: unknown): app is DocumentedHono {
  return typeof (app as Partial<DocumentedHono> | undefined)?.getOpenAPI31Document === 'function';
}

type Json = Record<string, unknown>;

/**
 * Adds the document of an app mounted at `prefix` to `document`: its paths under the prefix (an operation the
 * mounting app already has at the same path and method keeps its own), its tags, and its components. A
 * component whose name is taken by a different one is renamed after the mount path (`legacy_User` for `User`
 * at `/legacy`), or shares an identical one already there (a second mount of the same app), and the references
 * to it follow.
 */
export function mergeMountedDocument(
  document: OpenAPIDocument,
  mounted: DocumentedHono,
  prefix: string,
): OpenAPIDocument {
  const own = JSON.parse(
    JSON.stringify(
      mounted.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'mounted', version: '0' } }),
    ),
  ) as Json;
  const target = document as unknown as Json;
  const sections = (own.components ?? {}) as Record<string, Json>;
  const existing = (target.components ?? {}) as Record<string, Json>;
  const renames = new Map<string, string>();
  const added: [section: string, name: string, value: unknown][] = [];
  for (const [section, entries] of Object.entries(sections)) {
    const taken = { ...existing[section] };
    for (const [name, value] of Object.entries(entries)) {
      if (name in taken && sameJson(taken[name], value)) continue;
      const twin =
        name in taken ? Object.keys(taken).find((other) => sameJson(taken[other], value)) : undefined;
      const chosen = !(name in taken) ? name : (twin ?? freeName(taken, `${componentPrefix(prefix)}${name}`));
      if (chosen !== name)
        renames.set(`#/components/${section}/${name}`, `#/components/${section}/${chosen}`);
      if (chosen === twin) continue;
      taken[chosen] = value;
      added.push([section, chosen, value]);
    }
  }
  renameRefs(own, renames);
  if (added.length > 0) {
    const components = { ...existing };
    for (const [section, name, value] of added)
      components[section] = { ...components[section], [name]: value };
    target.components = components;
  }
  const paths = target.paths as Record<string, Json>;
  for (const [path, item] of Object.entries((own.paths ?? {}) as Record<string, Json>)) {
    const full = path === '/' ? prefix || '/' : joinPaths(prefix || '/', path);
    paths[full] = { ...item, ...paths[full] };
  }
  const tags = (own.tags ?? []) as { name: string }[];
  const known = new Set(((target.tags ?? []) as { name: string }[]).map((tag) => tag.name));
  const newTags = tags.filter((tag) => !known.has(tag.name));
  if (newTags.length > 0) target.tags = [...((target.tags ?? []) as unknown[]), ...newTags];
  return document;
}

function componentPrefix(prefix: string): string {
  const name = prefix
    .split('/')
    .filter(Boolean)
    .join('_')
    .replace(/[^A-Za-z0-9._-]/g, '_');
  return `${name || 'mounted'}_`;
}

function freeName(taken: Json, name: string): string {
  let candidate = name;
  for (let count = 2; candidate in taken; count++) candidate = `${name}_${count}`;
  return candidate;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function renameRefs(value: unknown, renames: Map<string, string>): void {
  if (renames.size === 0 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) renameRefs(item, renames);
    return;
  }
  const object = value as Json;
  if (typeof object.$ref === 'string') object.$ref = renames.get(object.$ref) ?? object.$ref;
  for (const child of Object.values(object)) renameRefs(child, renames);
}
