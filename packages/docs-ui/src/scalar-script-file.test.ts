import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ScalarScriptNotFoundError } from './errors';
import { scalarScriptFile } from './scalar-script-file';

describe('scalarScriptFile', () => {
  it('finds the script in the dev dependency when the sources run unbuilt', () => {
    expect(scalarScriptFile()).toMatch(
      new RegExp(`@scalar\\${sep}api-reference\\${sep}dist\\${sep}browser\\${sep}standalone\\.js$`),
    );
  });

  it('prefers the copy shipped beside the built module', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'flama-docs-ui-'));
    await mkdir(join(dist, 'scalar'));
    await writeFile(join(dist, 'scalar', 'standalone.js'), '/* Scalar */');
    expect(scalarScriptFile(pathToFileURL(join(dist, 'index.js')))).toBe(
      join(dist, 'scalar', 'standalone.js'),
    );
  });

  it('says where it looked when there is neither', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'flama-docs-ui-'));
    const lookup = () =>
      scalarScriptFile(pathToFileURL(join(dist, 'index.js')), '@scalar/not-installed/standalone.js');
    expect(lookup).toThrow(ScalarScriptNotFoundError);
    expect(lookup).toThrow(`Cannot read Scalar's browser script at ${join(dist, 'scalar', 'standalone.js')}`);
  });
});
