import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ScalarScriptNotFoundError } from './errors';

/** Scalar's browser bundle in @scalar/api-reference, a dev dependency: where the build copies it from. */
export const SCALAR_SCRIPT_SPECIFIER = '@scalar/api-reference/browser/standalone.js';

/**
 * The file of Scalar's script. Published, it ships beside the built module (`dist/scalar/standalone.js`,
 * copied by the build); in a checkout, where the sources run unbuilt, it comes from the dev dependency.
 * `from` is the module the shipped copy sits beside, `specifier` the dev dependency's script.
 */
export function scalarScriptFile(
  from: string | URL = import.meta.url,
  specifier: string = SCALAR_SCRIPT_SPECIFIER,
): string {
  const shipped = fileURLToPath(new URL('./scalar/standalone.js', from));
  if (existsSync(shipped)) return shipped;
  try {
    return createRequire(from).resolve(specifier);
  } catch (error) {
    throw new ScalarScriptNotFoundError(shipped, { cause: error });
  }
}
