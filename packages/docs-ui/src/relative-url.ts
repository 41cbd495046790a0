/**
 * The URL of `target` relative to the directory `fromDirectory` (a path ending in `/`), so a page keeps
 * working when the app is mounted under a prefix or served behind a proxy. Only root-relative targets
 * (`/schema/`) are rewritten; absolute (`https://…`, `//host/…`) and already relative URLs are returned as is.
 */
export function relativeUrl(fromDirectory: string, target: string): string {
  if (!target.startsWith('/') || target.startsWith('//')) return target;

  const suffixAt = target.search(/[?#]/);
  const pathname = suffixAt === -1 ? target : target.slice(0, suffixAt);
  const suffix = suffixAt === -1 ? '' : target.slice(suffixAt);

  const fromSegments = fromDirectory.split('/').filter(Boolean);
  const targetSegments = pathname.slice(1).split('/');
  const fileName = targetSegments.pop() ?? '';

  let common = 0;
  while (
    common < fromSegments.length &&
    common < targetSegments.length &&
    fromSegments[common] === targetSegments[common]
  ) {
    common++;
  }

  const up = '../'.repeat(fromSegments.length - common);
  const down = targetSegments
    .slice(common)
    .map((segment) => `${segment}/`)
    .join('');
  // `./` keeps a first segment such as `a:b` from being read as a URL scheme.
  return `${up || './'}${down}${fileName}${suffix}`;
}
