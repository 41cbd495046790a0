/**
 * The docs page's default Content-Security-Policy. Scripts come only from this origin (the page has no inline
 * script: Scalar reads its configuration from data attributes). Scalar injects its CSS at run time, hence
 * 'unsafe-inline' for styles. blob: and data: cover its icons, response previews, downloads and the worker it
 * starts for post-response scripts. connect-src 'self' stops any call to another host, Scalar's included.
 */
export const DEFAULT_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' blob:",
  "frame-src 'self' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');
