import { Buffer } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { currentRuntime } from '@flama/routing';
import { ScalarScriptNotFoundError } from './errors';
import { strongEtag } from './etag';
import { devScalarScriptFile, shippedScalarScriptFile } from './scalar-script-file';
import { importScalarScript } from './scalar-script-module';

const gzip = promisify(gzipCallback);

/** Scalar's script in its two representations, each with its own strong ETag. */
export interface ScalarScript {
  readonly bytes: Uint8Array;
  readonly etag: string;
  readonly gzipBytes: Uint8Array;
  readonly gzipEtag: string;
}

/** Runtimes that can read a file; the others (Cloudflare Workers) only import modules. */
const readsFiles = new Set(['node', 'bun', 'deno']);

/**
 * Loads Scalar's script once — `file`, else the dev dependency's file in a checkout, else the module the
 * build ships (read as a file where files can be read, imported elsewhere) — and compresses it once (3.5 MB → about 1 MB) so that no request pays for compression. ETags
 * are computed here, never per request.
 */
export async function loadScalarScript(file?: string): Promise<ScalarScript> {
  const bytes = await scriptBytes(file);
  const etag = strongEtag(bytes);
  // Level 4: a third of level 9's time at start-up for a file 4% larger.
  const gzipBytes = await gzip(bytes, { level: 4 });
  // A strong ETag names one representation, so the gzip one differs from the plain one.
  return { bytes, etag, gzipBytes, gzipEtag: `${etag.slice(0, -1)}-gzip"` };
}

function scriptBytes(file: string | undefined): Promise<Uint8Array> {
  if (file !== undefined) return readScript(file);
  if (!readsFiles.has(currentRuntime())) return importScalarScript();
  const devFile = devScalarScriptFile();
  if (devFile !== undefined) return readScript(devFile);
  const shipped = shippedScalarScriptFile();
  return shipped === undefined ? importScalarScript() : readScalarScriptModule(shipped);
}

async function readScript(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new ScalarScriptNotFoundError(path, { cause: error });
  }
}

/**
 * The script in the module the build ships (`export default "…";`), read as text: importing the module would
 * keep its 3.5 MB twice in the heap for the life of the process, as the module's source and as its string.
 */
export async function readScalarScriptModule(path: string): Promise<Uint8Array> {
  try {
    const source = await readFile(path, 'utf8');
    const literal = source.slice(source.indexOf('"'), source.lastIndexOf('"') + 1);
    return Buffer.from(JSON.parse(literal) as string, 'utf8');
  } catch (error) {
    throw new ScalarScriptNotFoundError(path, { cause: error });
  }
}
