import { randomBytes } from 'node:crypto';
import { createTables, Database, TableRepository, Worker } from '@flama/ddd';
import { eq, sql } from 'drizzle-orm';
import { defineBenchmark } from './lib/benchmark';
import { format, type LoadSpec, measureInterleaved, QUIET } from './lib/load';
import { exclusively } from './lib/lock';
import { waitForQuiet } from './lib/machine';
import { printNoise, printRatios, printTable, ratio } from './lib/report';
import type { Settings } from './lib/settings';
import { median } from './lib/stats';
import { users } from './servers/ddd-tables';

const server = (file: string) => new URL(`./servers/${file}`, import.meta.url);
const ROWS = 1000;
/** Units of work in flight at once in the in-process comparison (postgres.js pools 10 connections). */
const IN_FLIGHT = 8;
const OVERHEAD_TARGET = 0.15;

class UserRepository extends TableRepository<typeof users> {
  table = users;
}

class ReadWorker extends Worker {
  user = this.repository(UserRepository);
}

type Retrieve = (id: string) => Promise<unknown>;

/** How many retrieves `retrieve` completes, `IN_FLIGHT` at a time, in about `seconds`, and in how long exactly. */
async function slice(retrieve: Retrieve, ids: string[], seconds: number) {
  const start = performance.now();
  const end = start + seconds * 1000;
  let done = 0;
  const loop = async (offset: number) => {
    for (let i = offset; performance.now() < end; i += IN_FLIGHT) {
      await retrieve(ids[i % ids.length]!);
      done++;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, (_, offset) => loop(offset)));
  return { done, seconds: (performance.now() - start) / 1000 };
}

/**
 * One round: `seconds` pairs of one-second slices, the worker's and drizzle's in turn (AB BA AB …) so that
 * both meet the same machine. Returns retrieves per second of each, and the extra cost of the worker in each pair.
 */
async function round(worker: Retrieve, drizzle: Retrieve, ids: string[], seconds: number) {
  const totals = { worker: { done: 0, seconds: 0 }, drizzle: { done: 0, seconds: 0 } };
  const pairs: number[] = [];
  for (let i = 0; i < seconds; i++) {
    const pair: Record<string, number> = {};
    const order = i % 2 === 0 ? (['worker', 'drizzle'] as const) : (['drizzle', 'worker'] as const);
    for (const name of order) {
      const measured = await slice(name === 'worker' ? worker : drizzle, ids, 1);
      totals[name].done += measured.done;
      totals[name].seconds += measured.seconds;
      pair[name] = measured.done / measured.seconds;
    }
    pairs.push(pair.drizzle! / pair.worker! - 1);
  }
  const perSecond = (total: { done: number; seconds: number }) => total.done / total.seconds;
  return { worker: perSecond(totals.worker), drizzle: perSecond(totals.drizzle), pairs };
}

/**
 * Retrieve by primary key in a worker's unit of work, and in a raw drizzle transaction, in rounds that each hold
 * the machine's benchmark lock. The overhead is the median over every pair of slices.
 */
async function compareUnitOfWork(
  database: Database,
  ids: string[],
  settings: Settings,
  log: (line: string) => void,
) {
  const worker = new ReadWorker(database);
  const viaWorker: Retrieve = (id) => worker.run(({ user }) => user.retrieve({ id }));
  const viaDrizzle: Retrieve = (id) =>
    database.drizzle.transaction(async (tx) => (await tx.select().from(users).where(eq(users.id, id)))[0]);
  await exclusively(() => round(viaWorker, viaDrizzle, ids, settings.warmup), log);
  const rounds: Awaited<ReturnType<typeof round>>[] = [];
  for (let i = 1; i <= settings.rounds; i++) {
    await waitForQuiet(QUIET, settings.quietWait);
    const measured = await exclusively(() => round(viaWorker, viaDrizzle, ids, settings.seconds), log);
    log(
      `  round ${i}/${settings.rounds}  worker ${format(measured.worker, 0).padStart(6)} retrieves/s` +
        `  drizzle ${format(measured.drizzle, 0).padStart(6)} retrieves/s` +
        `  worker's extra cost per pair: ${measured.pairs.map((p) => `${format(p * 100, 1)}%`).join(' ')}`,
    );
    rounds.push(measured);
  }
  const pairs = rounds.flatMap((r) => r.pairs);
  const overhead = median(pairs);
  const pass = overhead <= OVERHEAD_TARGET;
  log(
    `worker.run + retrieve costs ${format(overhead * 100, 1)}% more than a raw drizzle transaction (median of ` +
      `${pairs.length} pairs, ${format(Math.min(...pairs) * 100, 1)}% to ${format(Math.max(...pairs) * 100, 1)}%)` +
      `  target ≤ ${OVERHEAD_TARGET * 100}%  ${pass ? 'PASS' : 'MISS'}`,
  );
  return { rounds, overhead, target: OVERHEAD_TARGET, pass };
}

const servers: LoadSpec[] = [
  { name: 'flama crud', entry: server('ddd-crud.ts'), path: '/user/{id}/' },
  { name: 'hono+drizzle', entry: server('ddd-hono.ts'), path: '/user/{id}/' },
];

export default defineBenchmark({
  name: 'ddd',
  servers,
  description:
    'On PostgreSQL: retrieve by primary key in a worker’s unit of work against a raw drizzle transaction (in process); ' +
    'GET /user/{id}/ of a CRUD resource against plain Hono + drizzle.',
  async run({ settings, cpus, log }) {
    const serverURL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `flama_bench_${randomBytes(4).toString('hex')}`;
    const admin = await Database.connect(serverURL);
    await admin.drizzle.execute(sql.raw(`create schema "${schema}"`));
    const url = new URL(serverURL);
    url.searchParams.set('search_path', schema);
    // The servers (child processes) read it from their environment.
    process.env.BENCH_DDD_DATABASE_URL = url.href;
    const database = await Database.connect(url.href);
    try {
      await createTables(database, { users });
      const rows = Array.from({ length: ROWS }, (_, i) => ({
        name: `user ${i}`,
        email: `user${i}@example.com`,
      }));
      const created = await new UserRepository(database.drizzle).create(...rows);
      const ids = created.map((row) => row.id).sort(() => Math.random() - 0.5);

      log(`PostgreSQL at ${new URL(serverURL).host}, schema ${schema}, ${ROWS} users.`);
      log(
        `\nretrieve by primary key, ${IN_FLIGHT} in flight, ${settings.rounds} rounds of ${settings.seconds}s each:`,
      );
      const unitOfWork = await compareUnitOfWork(database, ids, settings, log);

      const one = created[0]!;
      const specs = servers.map((spec) => ({
        ...spec,
        path: spec.path.replace('{id}', one.id),
        expectBody: JSON.stringify({ id: one.id, name: one.name, email: one.email, active: one.active }),
      }));
      log(
        `\nGET /user/{id}/: ${specs.length} servers × ${settings.rounds} rounds, wrk -t1 -c${settings.connections} -d${settings.seconds}s; ` +
          (cpus.pinned
            ? 'wrk on core 0, servers on core 1, PostgreSQL unpinned'
            : `not pinned (${cpus.cores} cores)`),
      );
      log("  PostgreSQL's own work counts as 'other processes' here: expect measurements flagged as noisy.");
      const results = await measureInterleaved(specs, settings, cpus, log);
      log('');
      printTable(results, log);
      printNoise(results, log);
      const ratios = [ratio('crud/hono', results[0]!, results[1]!)];
      log('');
      printRatios(ratios, log);
      return { unitOfWork, servers: results, ratios };
    } finally {
      await database.close();
      await admin.drizzle.execute(sql.raw(`drop schema if exists "${schema}" cascade`));
      await admin.close();
    }
  },
});
