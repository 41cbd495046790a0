import { OipError } from './oip-error';

/** 16 MiB: the largest inference request body, JSON and binary data together. */
export const OIP_BODY_LIMIT = 16 * 2 ** 20;

/** Reads a request's bytes, refusing (413) as soon as they pass `limit`, declared or streamed. */
export async function readBoundedBody(request: Request, limit = OIP_BODY_LIMIT): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  if (chunks.length === 1) return chunks[0]!;
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

function tooLarge(limit: number): OipError {
  return new OipError(413, `The request body is larger than ${limit} bytes`);
}
