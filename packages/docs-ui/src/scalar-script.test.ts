import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ScalarScriptNotFoundError } from './errors';
import { loadScalarScript } from './scalar-script';

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
