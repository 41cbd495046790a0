import { sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devScalarScriptFile } from './scalar-script-file';

describe('devScalarScriptFile', () => {
  it('finds the script in the dev dependency when the sources run unbuilt', () => {
    expect(devScalarScriptFile()).toMatch(
      new RegExp(`@scalar\\${sep}api-reference\\${sep}dist\\${sep}browser\\${sep}standalone\\.js$`),
    );
  });

  it('is undefined where the dev dependency isn’t installed (a published install)', () => {
    expect(devScalarScriptFile('@scalar/not-installed/standalone.js')).toBeUndefined();
  });
});
