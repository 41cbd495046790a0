import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { currentRuntime } from '@flama/routing';
import { ScalarScriptNotFoundError } from './errors';
import { strongEtag } from './etag';
import { devScalarScriptFile } from './scalar-script-file';
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
 * build ships — and compresses it once (3.5 MB → about 1 MB) so that no request pays for compression. ETags
 * are computed here, never per request.
 */
export async function loadScalarScript(file?: string): Promise<ScalarScript> {
  const path = file ?? (readsFiles.has(currentRuntime()) ? devScalarScriptFile() : undefined);
  const bytes = path === undefined ? await importScalarScript() : await readScript(path);
  const etag = strongEtag(bytes);
  // Level 4: a third of level 9's time at start-up for a file 4% larger.
  const gzipBytes = await gzip(bytes, { level: 4 });
  // A strong ETag names one representation, so the gzip one differs from the plain one.
  return { bytes, etag, gzipBytes, gzipEtag: `${etag.slice(0, -1)}-gzip"` };
}

async function readScript(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new ScalarScriptNotFoundError(path, { cause: error });
  }
}
