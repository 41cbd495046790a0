// Build step: writes Scalar's browser script, from the dev dependency @scalar/api-reference, into dist/scalar/
// as a module (script.js, `export default "…"`, `#scalar-script` in package.json), with its licence, so that
// the published package serves it without depending on Scalar's whole tree (~234 MB). One copy serves every
// runtime: Node, Bun and Deno read it as a file, and bundlers put it in a Cloudflare Worker (which reads no files).
// In the workspace, src/scalar-script.ts reads the dev dependency's file instead.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const target = new URL('../dist/scalar/', import.meta.url);
const script = createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js');
await mkdir(target, { recursive: true });
await copyFile(new URL('../scalar/LICENSE', import.meta.url), new URL('LICENSE', target));
const text = await readFile(script, 'utf8');
await writeFile(new URL('script.js', target), `export default ${JSON.stringify(text)};\n`);
