import { format, NOISY, noisy, type ServerResult } from './load';
import type { ReloadRss } from './serving-reload';
import type { SaturationResult } from './serving-saturation';
import type { TableRow, Target } from './serving-table';

/** Sections 1–2 at one connection count. */
export interface Throughput {
  ceiling: ServerResult;
  inProcess: ServerResult;
  batched: ServerResult;
  unbatched: ServerResult;
  /** Bare node:http reading the body and answering the constant: measured at 1 connection only. */
  floor?: ServerResult;
}

export interface ServingResults {
  throughput: ReadonlyMap<number, Throughput>;
  heavy: { connections: number; rows: number; healthPath: string };
  saturation: { inProcess: SaturationResult; threaded: SaturationResult };
  workers: { one: ServerResult; two: ServerResult };
  reload: ReloadRss;
  coldStartMs: Record<'installed' | 'workspace', { runs: number[]; median: number }>;
  rssAfterLoadMb: number;
}

export const TARGETS = {
  batchedOverCeilingAt32: 0.6,
  batchedP50OverInProcessAt1: 1.25,
  batchedP99At1Ms: 0.5,
  healthP99ThreadedMs: 20,
  reloadRssGrowth: 1.15,
  coldStartMs: 1000,
  rssMb: 200,
};

/** The serving suite's one table, and every target with its verdict (for the results file). */
export function servingReport(results: ServingResults): {
  rows: (TableRow | string)[];
  targets: Record<string, Target>;
  /** How many load measurements ran while other processes were busy. */
  noise: string;
} {
  const targets: Record<string, Target> = {};
  const target = (key: string, text: string, pass: boolean): Target => {
    targets[key] = { text, pass };
    return { text, pass };
  };
  const rows: (TableRow | string)[] = [
    '1–2. POST /churn/predict/, 1 row; ratios of req/s to the ceiling’s at the same connections',
  ];
  for (const [conns, t] of results.throughput) {
    const row = (label: string, r: ServerResult, extra: Target[] = []): TableRow => ({
      label,
      conns,
      ...figures(r),
      figure: r === t.ceiling ? '' : `${ratio(r.requestsPerSecond / t.ceiling.requestsPerSecond)} ceiling`,
      targets: extra,
    });
    const extra: Target[] = [];
    if (conns === 32) {
      const value = t.batched.requestsPerSecond / t.ceiling.requestsPerSecond;
      const pass = value >= TARGETS.batchedOverCeilingAt32 && sum(t.batched, 'non2xx') === 0;
      extra.push(target('batchedAt32', `≥ ${TARGETS.batchedOverCeilingAt32}× ceiling, 0 non-2xx`, pass));
    }
    if (conns === 1) {
      const value = t.batched.p50 / t.inProcess.p50;
      const limit = TARGETS.batchedP50OverInProcessAt1;
      extra.push(target('batchedP50At1', `p50 ≤ ${limit}× 2a’s (${ratio(value)})`, value <= limit));
      const p99 = TARGETS.batchedP99At1Ms;
      const floor = t.floor ? ` (floor’s ${format(t.floor.p99, 2)} ms)` : '';
      extra.push(target('batchedP99At1', `p99 ≤ ${p99} ms${floor}`, t.batched.p99 <= p99));
    }
    if (t.floor) rows.push(row('0.  floor: bare node:http, reads, answers a constant', t.floor));
    rows.push(
      row('1.  ceiling: validates, answers a constant', t.ceiling),
      row('2a. in-process (threads: 0)', t.inProcess),
      row('2b. threads + batching (defaults)', t.batched, extra),
      row('2c. threads, batching: false', t.unbatched),
    );
  }
  const { heavy, saturation } = results;
  rows.push(
    `3. ${heavy.connections} connections × ${heavy.rows.toLocaleString('en-US')}-row predictions; GET ${heavy.healthPath} from one client beside; the server’s event-loop lag`,
  );
  for (const [label, s] of [
    ['3a. in-process', saturation.inProcess],
    ['3b. threads + batching', saturation.threaded],
  ] as const) {
    const threaded = s === saturation.threaded;
    const limit = TARGETS.healthP99ThreadedMs;
    rows.push(
      {
        label: `${label}: ${heavy.rows.toLocaleString('en-US')}-row predict`,
        conns: heavy.connections,
        ...s.load,
        quiet: `${s.quiet}/${s.rounds.length}`,
        figure: `${format(s.load.requestsPerSecond * heavy.rows, 0)} rows/s`,
      },
      {
        label: `     GET ${heavy.healthPath}`,
        conns: 1,
        p50: s.health.p50,
        p99: s.health.p99,
        non2xx: s.health.failures,
        figure: `${s.health.requests} requests`,
        targets: threaded ? [target('healthP99Threaded', `p99 < ${limit} ms`, s.health.p99 < limit)] : [],
      },
      {
        label: '     event-loop lag',
        p50: s.lag.p50,
        p99: s.lag.p99,
        figure: `max ${format(s.lag.max, 1)} ms`,
      },
    );
  }
  const { one, two } = results.workers;
  const ceilingAt32 = results.throughput.get(32)?.ceiling.requestsPerSecond;
  rows.push(
    '4. flama serve (threads + batching; npm install), 32 connections, 1 row',
    {
      label: '4a. --server-workers 1',
      conns: 32,
      ...figures(one),
      figure: ceilingAt32 ? `${ratio(one.requestsPerSecond / ceilingAt32)} ceiling` : '',
    },
    {
      label: '4b. --server-workers 2',
      conns: 32,
      ...figures(two),
      figure: `${ratio(two.requestsPerSecond / one.requestsPerSecond)} 1 worker`,
    },
  );
  const { reload } = results;
  const growth = reload.final.rssMb / reload.early.rssMb;
  rows.push(
    `5. ${reload.reloads} reloads in one process (threads + batching), one after another, under a light load`,
    {
      label: '5a. light load during the reloads',
      conns: 2,
      ...reload.load,
      non2xx: reload.load.failures,
      figure: `over ${format(reload.seconds, 0)} s`,
    },
    { label: `5b. RSS after ${reload.early.reloads} reloads`, figure: `${format(reload.early.rssMb, 0)} MB` },
    {
      label: `5c. RSS after ${reload.final.reloads} reloads`,
      figure: `${format(reload.final.rssMb, 0)} MB = ${ratio(growth)} 5b`,
      targets: [target('reloadRss', `≤ ${TARGETS.reloadRssGrowth}× 5b`, growth <= TARGETS.reloadRssGrowth)],
    },
  );
  const { installed, workspace } = results.coldStartMs;
  const rss = results.rssAfterLoadMb;
  rows.push(
    '6. flama serve apps/ml-api/data/model.flm (npm install)',
    {
      label: '6a. cold start to the first 200',
      figure: `${format(installed.median, 0)} ms (median of ${installed.runs.length})`,
      targets: [target('coldStart', `< ${TARGETS.coldStartMs} ms`, installed.median < TARGETS.coldStartMs)],
    },
    {
      label: '     the same in the workspace (tsx)',
      figure: `${format(workspace.median, 0)} ms (median of ${workspace.runs.length})`,
    },
    {
      label: '6b. RSS after 32-connection load',
      figure: `${format(rss, 0)} MB`,
      targets: [target('rss', `< ${TARGETS.rssMb} MB`, rss < TARGETS.rssMb)],
    },
  );
  return { rows, targets, noise: noise(results) };
}

function noise(results: ServingResults): string {
  const rounds = [
    ...[...results.throughput.values()].flatMap((t) => Object.values(t).flatMap((r) => r?.rounds ?? [])),
    ...results.workers.one.rounds,
    ...results.workers.two.rounds,
    ...results.saturation.inProcess.rounds,
    ...results.saturation.threaded.rounds,
  ];
  const busy = rounds.filter((round) => (round.othersDuring ?? 0) >= NOISY).length;
  return busy === 0
    ? `All ${rounds.length} load measurements ran on a quiet machine.`
    : `warning: during ${busy} of ${rounds.length} load measurements other processes used ≥ ${NOISY * 100}% of the machine (see "quiet"): their figures are disturbed; run again on a quieter machine.`;
}

function figures(r: ServerResult): Omit<TableRow, 'label'> {
  return {
    requestsPerSecond: r.requestsPerSecond,
    p50: r.p50,
    p99: r.p99,
    non2xx: sum(r, 'non2xx'),
    socketErrors: sum(r, 'socketErrors'),
    quiet: `${r.rounds.filter((round) => !noisy(round)).length}/${r.rounds.length}`,
  };
}

/** Non-2xx answers, or socket errors, over every round. */
function sum(r: ServerResult, what: 'non2xx' | 'socketErrors'): number {
  return r.rounds.reduce((total, round) => total + round[what], 0);
}

function ratio(value: number): string {
  return `${format(value, 2)}×`;
}
