/** What a server needs of an app: a lifecycle around a fetch handler. The CLI serves any Servable. */
export interface Servable {
  startup(): Promise<void>;
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
  shutdown(): Promise<void>;
  /** Where the app's docs page lives, if it has one, for the server's start-up message. */
  readonly docsPath?: string | undefined;
  /** Called when the server begins to shut down: the app keeps serving, but reports itself not ready. */
  drain?(): void;
  /** Reloads what can be reloaded without a restart (the server calls it on SIGHUP); never rejects. */
  reload?(): Promise<void>;
  /** Why the app must run in one process, if it must: the server then refuses several workers. */
  readonly singleProcess?: string | undefined;
}
