/** What a server needs of an app: a lifecycle around a fetch handler. The CLI serves any Servable. */
export interface Servable {
  startup(): Promise<void>;
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
  shutdown(): Promise<void>;
  /** Where the app's docs page lives, if it has one, for the server's start-up message. */
  readonly docsPath?: string | undefined;
}
