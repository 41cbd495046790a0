// The runner of Cloudflare Workers (workerd): a Worker that runs the shared suites in process on each request
// and answers their results as JSON.
import { runSuites } from '../suite';
import { suites } from '../suites';

export default {
  async fetch(): Promise<Response> {
    return Response.json(await runSuites(suites));
  },
};
