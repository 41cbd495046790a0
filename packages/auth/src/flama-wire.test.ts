import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidSignatureError } from './errors';
import { JWT } from './jwt';

/** Python Flama's examples use the secret `uuid.UUID(int=0).bytes`. */
const secret = new Uint8Array(16);

/**
 * Tokens published in Python Flama's own test suite (vortico/flama, tests/unit/authentication): one written by
 * Flama 2.x (compact JSON), one by Flama 1.x (JSON with spaces, padded payload).
 */
const flama2Token =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJkYXRhIjp7ImZvbyI6ImJhciJ9LCJpYXQiOjB9.PWRDHe1X53ydEpCCKW8_oDMVveSlvdqgxLhFjLk7BNk=';
const flama1Token =
  'eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJkYXRhIjogeyJwZXJtaXNzaW9ucyI6IFsiZmxhbWEudGVzdC5hdXRoIl19LCAiaWF0IjogMTY5ODQxMjkzMX0=.NLhM8r2g1I_oHG0zAAsRqDAuwPVvzI95Lnz2K7uupmo=';

/** Python's `json.dumps` with its default separators (`", "`, `": "`) and `ensure_ascii`, as Flama 1.x wrote. */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value).map(([key, item]) => `${pythonJson(key)}: ${pythonJson(item)}`);
    return `{${members.join(', ')}}`;
  }
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Python's `base64.urlsafe_b64encode`: always padded. */
const pythonB64 = (bytes: Buffer) => bytes.toString('base64').replaceAll('+', '-').replaceAll('/', '_');

/** A token built byte for byte as Python Flama builds one: HMAC-SHA256 over the padded `header.payload` text. */
function flamaToken(header: object, payload: object, json: (value: unknown) => string): string {
  const input = `${pythonB64(Buffer.from(json(header)))}.${pythonB64(Buffer.from(json(payload)))}`;
  return `${input}.${pythonB64(createHmac('sha256', secret).update(input).digest())}`;
}

/**
 * Python Flama's verification: split on the last and first dots, `urlsafe_b64decode` each segment (which
 * raises "Incorrect padding" unless its length is a multiple of 4), then HMAC the received text.
 */
function flamaVerifies(token: string): boolean {
  const cut = token.lastIndexOf('.');
  const [input, signature] = [token.slice(0, cut), token.slice(cut + 1)];
  const [header, payload] = [input.slice(0, input.indexOf('.')), input.slice(input.indexOf('.') + 1)];
  const pythonDecode = (segment: string) => {
    if (segment.length % 4 !== 0 || !/^[\w-]*={0,2}$/.test(segment)) throw new Error('Incorrect padding');
    return Buffer.from(segment, 'base64url');
  };
  JSON.parse(pythonDecode(header).toString());
  JSON.parse(pythonDecode(payload).toString());
  const expected = createHmac('sha256', secret).update(input).digest();
  return pythonDecode(signature).equals(expected);
}

describe('wire compatibility with Python Flama', () => {
  it('verifies tokens published by Flama 1.x and 2.x', async () => {
    expect((await JWT.decode(flama2Token, secret)).toJSON()).toEqual({
      header: { alg: 'HS256', typ: 'JWT' },
      payload: { data: { foo: 'bar' }, iat: 0 },
    });
    expect((await JWT.decode(flama1Token, secret)).data).toEqual({ permissions: ['flama.test.auth'] });
  });

  it('verifies tokens built the way Flama 1.x (spaced JSON) and 2.x (compact JSON) build them', async () => {
    const payload = {
      data: { id: '497f6eca', permissions: ['my-permission-name'], name: 'Zoë' },
      iat: 1_700_000_000,
    };
    for (const json of [pythonJson, JSON.stringify]) {
      const token = flamaToken({ alg: 'HS256', typ: 'JWT' }, payload, json);
      expect(token).toMatch(/=/);
      expect((await JWT.decode(token, secret)).payload).toEqual(payload);
    }
  });

  it('writes Flama-format tokens byte for byte as Flama 2.x does', async () => {
    const token = await new JWT({ alg: 'HS256' }, { data: { foo: 'bar' }, iat: 0 }).encode(secret, {
      format: 'flama',
    });
    expect(token).toBe(flama2Token);
  });

  it('issues standard tokens that Python Flama cannot read, and Flama-format ones it verifies', async () => {
    const jwt = new JWT({ alg: 'HS256' }, { data: { permissions: ['my-permission-name'] }, iss: 'vortico' });
    const standard = await jwt.encode(secret);
    expect(() => flamaVerifies(standard)).toThrow('Incorrect padding');
    const flama = await jwt.encode(secret, { format: 'flama' });
    expect(flamaVerifies(flama)).toBe(true);
    expect(flamaVerifies(flamaToken({ alg: 'HS256' }, { iat: 0 }, pythonJson))).toBe(true);
  });

  it('signs over the text as sent: re-padding a token breaks its signature', async () => {
    const padded = await new JWT({ alg: 'HS256' }, { iat: 12 }).encode(secret, { format: 'flama' });
    const [header, payload, signature] = padded.split('.') as [string, string, string];
    const stripped = `${header.replace(/=+$/, '')}.${payload.replace(/=+$/, '')}.${signature}`;
    expect(stripped).not.toBe(padded);
    await expect(JWT.decode(stripped, secret)).rejects.toThrow(InvalidSignatureError);
  });
});
