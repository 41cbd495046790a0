// Build step: copies Scalar's browser script from the dev dependency @scalar/api-reference into
// dist/scalar/, with its licence, so that the published package serves it without depending on Scalar's
// whole tree (~234 MB). src/scalar-script.ts reads it there, or from the dev dependency in the workspace.
// It also writes the script as a module (dist/scalar/script.js, `#scalar-script` in package.json), for
// runtimes that read no files (Cloudflare Workers), whose bundlers put it in the Worker.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const target = new URL('../dist/scalar/', import.meta.url);
const script = createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js');
await mkdir(target, { recursive: true });
await copyFile(script, new URL('standalone.js', target));
await copyFile(new URL('../scalar/LICENSE', import.meta.url), new URL('LICENSE', target));
const text = await readFile(script, 'utf8');
await writeFile(new URL('script.js', target), `export default ${JSON.stringify(text)};\n`);
