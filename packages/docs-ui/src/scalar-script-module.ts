/// <reference path="./scalar-script-text.d.ts" />
import { ScalarScriptNotFoundError } from './errors';

/**
 * Scalar's script where no file can be read (Cloudflare Workers): the build writes it as a module too
 * (`dist/scalar/script.js`, `export default "…"`), which `#scalar-script` in package.json names, so that a
 * bundler such as wrangler's puts it in the Worker. Loaded on first use only: elsewhere the file is read.
 */
export async function importScalarScript(): Promise<Uint8Array> {
  try {
    const { default: text } = await import('#scalar-script');
    return new TextEncoder().encode(text);
  } catch (error) {
    throw new ScalarScriptNotFoundError('#scalar-script (dist/scalar/script.js)', { cause: error });
  }
}
