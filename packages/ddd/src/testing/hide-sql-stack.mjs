// Loaded with `node --import` before tsx: drizzle-orm (and its subpaths), postgres and @electric-sql/pglite fail
// to resolve as uninstalled packages do, as in a project that installed @flama/ddd without its optional peers.
import { register } from 'node:module';

const hook = `
const hidden = ['drizzle-orm', 'postgres', '@electric-sql/pglite'];
export async function resolve(specifier, context, nextResolve) {
  if (!hidden.some((name) => specifier === name || specifier.startsWith(name + '/'))) {
    return nextResolve(specifier, context);
  }
  const error = new Error(\`Cannot find package '\${specifier}' imported from \${context.parentURL}\`);
  error.code = 'ERR_MODULE_NOT_FOUND';
  throw error;
}`;

register(`data:text/javascript,${encodeURIComponent(hook)}`);
