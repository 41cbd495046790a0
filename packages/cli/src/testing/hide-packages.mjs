// Loaded with `node --import`: the packages named in FLAMA_HIDE_PACKAGES (comma-separated) fail to resolve as
// uninstalled packages do, so that the CLI runs as in a project that installed @flama/cli without them.
import { register } from 'node:module';

const hook = `
let hidden = [];
export function initialize(data) {
  hidden = data;
}
export async function resolve(specifier, context, nextResolve) {
  if (!hidden.includes(specifier)) return nextResolve(specifier, context);
  const error = new Error(\`Cannot find package '\${specifier}' imported from \${context.parentURL}\`);
  error.code = 'ERR_MODULE_NOT_FOUND';
  throw error;
}`;

register(`data:text/javascript,${encodeURIComponent(hook)}`, {
  data: (process.env.FLAMA_HIDE_PACKAGES ?? '').split(','),
});
