export { type AttachDocsOptions, attachDocs } from './attach-docs';
export { DEFAULT_CONTENT_SECURITY_POLICY } from './content-security-policy';
export type { DocsOptions } from './docs-options';
export { DocsPage } from './docs-page';
export { DocsOptionsError, DocsUiError, ScalarScriptNotFoundError } from './errors';
export { PRIVATE_SCALAR_DEFAULTS } from './scalar-configuration';
