import { HTTPException } from './http-exception';

const jsonType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads a request's JSON body within `limit` bytes: 415 for another content type, 413 past the limit
 * (checked on Content-Length first, then while streaming), 400 for malformed JSON.
 * An empty body reads as `undefined`, so that the body schema reports it as required.
 */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const length = request.headers.get('content-length');
  if (length !== null && Number(length) > limit) throw tooLarge(limit);
  if (length === '0' || request.body === null) return undefined;
  const type = request.headers.get('content-type');
  if (type === null || !jsonType.test(type)) {
    throw new HTTPException(415, `Unsupported content type ${type ?? '(none)'}: send application/json.`);
  }
  const text = length !== null ? await request.text() : await readLimited(request.body, limit);
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HTTPException(400, `Malformed JSON body: ${(error as Error).message}`);
  }
}

async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(limit); // leaving the loop cancels the stream
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

function tooLarge(limit: number): HTTPException {
  return new HTTPException(413, `Request body is larger than the limit of ${limit} bytes.`);
}
