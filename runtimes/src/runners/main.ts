// The runner of Node, Bun and Deno: runs the shared suites in process and prints the results as one line.
import { runSuites } from '../suite';
import { suites } from '../suites';

console.log(`RESULTS ${JSON.stringify(await runSuites(suites))}`);
