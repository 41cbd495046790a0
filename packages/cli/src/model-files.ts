import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CliError } from './cli-error';
import type { ModelSpec } from './model-app';

/** What a model's name may hold: it becomes route names and the `/v2/models/<name>` path. */
const modelName = /^[\w.-]+$/;

/**
 * The models of a directory, as KServe mounts model storage (`/mnt/models`): every `.flm` file in it, served at
 * `/<name>/` and named after its file (`churn.flm` → `churn`). Undefined when `path` is not a directory.
 */
export async function modelFiles(path: string): Promise<ModelSpec[] | undefined> {
  if (!(await stat(path).catch(() => undefined))?.isDirectory()) return undefined;
  const files = (await readdir(path)).filter((name) => name.endsWith('.flm')).sort();
  if (files.length === 0) throw new CliError(`${path} holds no .flm file to serve.`);
  return files.map((file) => {
    const name = basename(file, '.flm');
    if (!modelName.test(name)) {
      throw new CliError(
        `${file}: a model's name (its file's, without .flm) may only hold letters, digits, "_", "." and "-".`,
      );
    }
    return { path: join(path, file), url: `/${name}/`, name };
  });
}
