export { CliError } from './cli-error';
export { loadApp, parseAppReference, type ServableApp } from './load-app';
export { main } from './main';
export { createProgram } from './program';
export { type RunningServer, type ServeOptions, serveApp } from './serve';
export { startServer } from './start-server';
