import { createHash } from 'node:crypto';

/** A strong ETag for `bytes`: a quoted SHA-256, base64url. */
export function strongEtag(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url')}"`;
}

/**
 * Whether an If-None-Match header matches `etag`. RFC 9110 compares weakly here, so `W/"x"` matches `"x"`.
 */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const wanted = header.trim();
  if (wanted === '*') return true;
  return wanted.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
