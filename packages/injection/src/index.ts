export { type Component, type ComponentDefinition, component, type Scope, value } from './component';
export { CyclicDependencyError, InjectionError, MissingProviderError, ScopeError } from './errors';
export { Injector } from './injector';
export { type Class, type Dependencies, type Key, type KeyValue, keyName, type Resolved, Token } from './key';
export { type ContextCache, Plan } from './plan';
