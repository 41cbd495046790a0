import { createRequire } from 'node:module';

/** Scalar's browser bundle in @scalar/api-reference, a dev dependency: what the build ships as a module. */
export const SCALAR_SCRIPT_SPECIFIER = '@scalar/api-reference/browser/standalone.js';

/**
 * The file of Scalar's script in the dev dependency, where it is installed: in a checkout, whose sources run
 * unbuilt. Published, the package has no such file (it ships the script as a module, see
 * `importScalarScript`): undefined. `specifier` is the dev dependency's script.
 */
export function devScalarScriptFile(specifier: string = SCALAR_SCRIPT_SPECIFIER): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    return undefined;
  }
}

/**
 * The module the build ships (`dist/scalar/script.js`, `#scalar-script`), as a file: on runtimes that read files
 * it is read rather than imported (see `readScalarScriptModule`). Undefined where it isn't built.
 */
export function shippedScalarScriptFile(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('#scalar-script');
  } catch {
    return undefined;
  }
}
