import { Buffer } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { HTTPException } from './http-exception';

const jsonType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const charsetParameter = /;\s*charset\s*=\s*([^;\s]+)/i;

/** Where a body comes from: its declared length and type, and how to read it within a limit. */
interface BodySource {
  length: string | null;
  /** Has a body of unknown length (Transfer-Encoding: chunked on Node; any body stream on a web Request). */
  chunked: boolean;
  type: string | null;
  read: ((limit: number) => Promise<Buffer>) | null;
}

/**
 * Reads a request's JSON body within `limit` bytes, unparsed: 415 for another content type or charset, 413
 * past the limit (checked on Content-Length first, then while reading). An empty body reads as `undefined`.
 * On Node, the bytes are read from Node's own request when nothing has read it yet, which spares building a
 * web Request and its stream per request.
 */
export async function readJsonBytes(
  request: Request,
  limit: number,
  incoming?: IncomingMessage,
): Promise<Uint8Array | undefined> {
  const source = incoming && !incoming.readableDidRead ? nodeSource(incoming) : webSource(request);
  const { length, type } = source;
  if (length !== null && Number(length) > limit) throw tooLarge(limit);
  // RFC 9110: a request with neither Content-Length nor Transfer-Encoding has no body, which is an empty one.
  if (length === '0' || source.read === null || (length === null && !source.chunked)) return undefined;
  if (type === null || !jsonType.test(type)) {
    throw new HTTPException(415, `Unsupported content type ${type ?? '(none)'}: send application/json.`);
  }
  const charset = charsetParameter.exec(type)?.[1];
  if (charset !== undefined && !/^"?utf-?8"?$/i.test(charset)) {
    throw new HTTPException(415, `Unsupported charset ${charset}: send JSON in UTF-8.`);
  }
  const bytes = await source.read(limit);
  return bytes.byteLength === 0 ? undefined : bytes;
}

/**
 * Parses a JSON body read by `readJsonBytes`: 400 for malformed JSON. No body parses as `undefined`, so that
 * the body schema reports it as required.
 */
export function parseJsonBody(bytes: Uint8Array | undefined): unknown {
  if (bytes === undefined) return undefined;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return JSON.parse(view.toString('utf8'));
  } catch (error) {
    throw new HTTPException(400, `Malformed JSON body: ${(error as Error).message}`);
  }
}

function nodeSource(incoming: IncomingMessage): BodySource {
  const length = incoming.headers['content-length'] ?? null;
  const bodyless = incoming.method === 'GET' || incoming.method === 'HEAD';
  const read = bodyless ? null : (limit: number) => readIncoming(incoming, limit);
  return {
    length,
    chunked: incoming.headers['transfer-encoding'] !== undefined,
    type: incoming.headers['content-type'] ?? null,
    read,
  };
}

function webSource(request: Request): BodySource {
  const { headers, body } = request;
  const read = body === null ? null : (limit: number) => readStream(body, limit);
  return {
    length: headers.get('content-length'),
    chunked: body !== null,
    type: headers.get('content-type'),
    read,
  };
}

/** Stops listening past the limit without destroying the request, so that the 413 can still be sent. */
function readIncoming(incoming: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const stop = () => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) return void parts.push(chunk);
      stop();
      incoming.resume(); // the rest is read and dropped
      reject(tooLarge(limit));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(parts, size));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    incoming.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

async function readStream(chunks: AsyncIterable<Uint8Array>, limit: number): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(limit); // leaving the loop ends the stream
    parts.push(chunk);
  }
  return Buffer.concat(parts, size);
}

function tooLarge(limit: number): HTTPException {
  return new HTTPException(413, `Request body is larger than the limit of ${limit} bytes.`);
}
