// The app as a Cloudflare Worker: `pnpm start:workers` runs it on workerd locally (`wrangler dev`, offline).
import { app } from './app';

export default {
  /** Starts the app on the first request (a Worker has no start-up of its own), then serves. */
  fetch(request: Request, env: unknown): Response | Promise<Response> {
    if (app.started) return app.fetch(request, env);
    return app.startup().then(() => app.fetch(request, env));
  },
};
