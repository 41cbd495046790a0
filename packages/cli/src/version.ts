import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The CLI's own version, read from its package.json (one directory up from src/ and dist/). */
export const version: string = (require('../package.json') as { version: string }).version;
