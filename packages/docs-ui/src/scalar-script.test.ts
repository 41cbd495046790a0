import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ScalarScriptNotFoundError } from './errors';
import { loadScalarScript, readScalarScriptModule } from './scalar-script';
import { devScalarScriptFile } from './scalar-script-file';

describe('loadScalarScript', () => {
  it("reads @scalar/api-reference's browser bundle with its ETag", async () => {
    const script = await loadScalarScript();
    const head = new TextDecoder().decode(script.bytes.subarray(0, 400));
    expect(head).toContain('@scalar/api-reference 1.46');
    expect(script.bytes.byteLength).toBeGreaterThan(1_000_000);
    expect(script.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
  });

  it('compresses it once, up front, under an ETag of its own', async () => {
    const script = await loadScalarScript();
    // Buffer#equals: a deep toEqual over 3.5 MB takes seconds.
    expect(gunzipSync(script.gzipBytes).equals(script.bytes)).toBe(true);
    expect(script.gzipBytes.byteLength).toBeLessThan(script.bytes.byteLength / 2);
    expect(script.gzipEtag).toBe(`${script.etag.slice(0, -1)}-gzip"`);
  });

  it('says where it looked and what to do when the script is missing', async () => {
    const missing = loadScalarScript('/nowhere/scalar/standalone.js');
    await expect(missing).rejects.toBeInstanceOf(ScalarScriptNotFoundError);
    await expect(missing).rejects.toThrow(
      /^Cannot read Scalar's browser script at \/nowhere\/scalar\/standalone\.js: .* reinstall @flama\/docs-ui/,
    );
  });
});

describe('readScalarScriptModule', () => {
  const directory = mkdtempSync(join(tmpdir(), 'flama-scalar-module-'));
  /** A module written the way the build writes dist/scalar/script.js (scripts/ship-scalar.mjs). */
  const shipped = (name: string, text: string) => {
    const path = join(directory, name);
    writeFileSync(path, `export default ${JSON.stringify(text)};\n`);
    return path;
  };

  it("gives back the very bytes of Scalar's script, read from the module the build ships", async () => {
    const original = readFileSync(devScalarScriptFile()!);
    const bytes = await readScalarScriptModule(shipped('script.js', original.toString('utf8')));
    expect(Buffer.from(bytes).equals(original)).toBe(true);
  });

  it('keeps quotes, backslashes, line breaks and characters beyond ASCII', async () => {
    const text = 'const a = "x\\"y";\n// ‘é’ 🔥 </script>\u2028';
    const bytes = await readScalarScriptModule(shipped('escapes.js', text));
    expect(new TextDecoder().decode(bytes)).toBe(text);
  });

  it('says to reinstall when the module is missing or damaged', async () => {
    const damaged = join(directory, 'damaged.js');
    writeFileSync(damaged, 'export default "cut short');
    await expect(readScalarScriptModule(damaged)).rejects.toBeInstanceOf(ScalarScriptNotFoundError);
    await expect(readScalarScriptModule(join(directory, 'none.js'))).rejects.toThrow(
      /reinstall @flama\/docs-ui/,
    );
  });
});
