// The pack-and-install test: the packages as a user gets them from the registry. Checks each packed tarball
// (licence, manifest, README links), installs the tarballs with npm (install scripts on,
// ONNXRUNTIME_NODE_INSTALL=skip) into fresh CommonJS projects outside the workspace, serves the root README's
// hello app with the installed `flama` bin over a socket, loads every package with require and import, runs
// @flama/ddd without the SQL stack, and prints the installed sizes against their targets. Exits 1 on any miss.
//
//   node scripts/pack-install-test.mjs [TARBALL_DIR]
//
// Without TARBALL_DIR it packs every package itself (run `pnpm build` first: packing skips `prepack`).
// npm's cache is kept in node_modules/.cache/pack-install-npm, so that a second run downloads nothing.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkHelloApp, readHelloApp } from './pack-install/hello-app.mjs';
import { diskUsage, installedCopies, installProject, npmEnvironment } from './pack-install/npm-project.mjs';
import { packAll } from './pack-install/pack-all.mjs';
import { readTarballs, tarballProblems } from './pack-install/tarballs.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;
const started = Date.now();
const failures = [];
const fail = (line) => {
  failures.push(line);
  console.log(`FAIL ${line}`);
};

const work = mkdtempSync(join(tmpdir(), 'flama-pack-install-'));
const cache = join(root, 'node_modules', '.cache', 'pack-install-npm');
try {
  const tarballs = readTarballs(process.argv[2] ?? packAll(root, join(work, 'packs')));
  const names = tarballs.map(({ name }) => name).sort();

  console.log(`== ${tarballs.length} tarballs`);
  for (const tarball of tarballs) {
    const source = join(root, tarball.manifest.repository?.directory ?? '', 'package.json');
    const problems = tarballProblems(tarball, JSON.parse(readFileSync(source, 'utf8')));
    for (const problem of problems) fail(`${tarball.name}: ${problem}`);
  }
  if (failures.length === 0)
    console.log('each has a licence, a README without relative links, a full manifest');

  // Each size target is a project of its own, installed as a user would: the whole framework, and the
  // à-la-carte installs. npm runs them together (most of an install is waiting on the network and the disk).
  const projects = {
    flama: { install: names },
    cliRouting: { install: ['@flama/cli', '@flama/routing'] },
    auth: { install: ['@flama/auth'] },
    docsUI: { install: ['@flama/docs-ui'] },
    ddd: { install: ['@flama/ddd'] },
  };
  console.log(`== npm install into ${Object.keys(projects).length} fresh projects (${work})`);
  await Promise.all(
    Object.entries(projects).map(async ([key, project]) => {
      project.directory = join(work, key);
      await installProject(project.directory, project.install, tarballs, cache);
    }),
  );
  console.log(`installed in ${seconds(Date.now() - started)}`);

  console.log('== the root README hello app, served by the installed flama bin');
  const app = readHelloApp(join(root, 'README.md'));
  const problems = await checkHelloApp(projects.flama.directory, app);
  for (const problem of problems) fail(`hello app: ${problem}`);
  if (problems.length === 0) console.log(`${app.file} answers /, /greet/, /schema/, /docs/ and its script`);
  // In an ES-module package the app joins the CLI's own module graph, and the CLI registers tsx just before.
  const esm = join(projects.flama.directory, 'esm');
  mkdirSync(esm);
  writeFileSync(join(esm, 'package.json'), '{ "private": true, "type": "module" }\n');
  const flamaBin = join(projects.flama.directory, 'node_modules', '.bin', 'flama');
  const esmProblems = await checkHelloApp(esm, app, [flamaBin]);
  for (const problem of esmProblems) fail(`hello app in an ES-module package: ${problem}`);
  if (esmProblems.length === 0) console.log('so does it in an ES-module package ("type": "module")');

  console.log('== every package with require and import, in the CommonJS project');
  for (const problem of await loadEach(projects.flama.directory, names)) fail(problem);

  console.log('== @flama/ddd without drizzle-orm, postgres and PGlite');
  for (const problem of await dddWithoutSQL(projects.ddd.directory)) fail(`@flama/ddd alone: ${problem}`);

  console.log('== installed node_modules (npm, fresh project) against the targets');
  const size = (project) => diskUsage(join(project.directory, 'node_modules'));
  const onnxruntime = join(projects.flama.directory, 'node_modules', 'onnxruntime-node');
  const targets = [
    ['@flama/cli + @flama/routing', size(projects.cliRouting), 60],
    ['@flama/auth', size(projects.auth), 20],
    ['@flama/docs-ui', size(projects.docsUI), 30],
    ['@flama/ddd without the SQL stack', size(projects.ddd), 20],
    ['flama, all of it, minus onnxruntime-node', size(projects.flama) - diskUsage(onnxruntime), 100],
  ];
  for (const [what, bytes, limit] of targets) {
    const line = `${what.padEnd(42)} ${(bytes / MB).toFixed(1).padStart(6)} MB  (target < ${limit} MB)`;
    if (bytes < limit * MB) console.log(`${line}  ok`);
    else fail(line);
  }
  console.log(
    `${'onnxruntime-node itself'.padEnd(42)} ${(diskUsage(onnxruntime) / MB).toFixed(1).padStart(6)} MB`,
  );
  for (const name of ['hono', 'zod']) {
    const copies = installedCopies(join(projects.flama.directory, 'node_modules'), name);
    const line = `copies of ${name} in the flama install: ${copies.length}`;
    if (copies.length === 1) console.log(`${line}  ok`);
    else fail(`${line} (want 1): ${copies.join(', ')}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(
  `== ${failures.length === 0 ? 'passed' : `${failures.length} failed`} in ${seconds(Date.now() - started)}`,
);
process.exitCode = failures.length === 0 ? 0 : 1;

/** Loads each package with `require` and with `import` (two processes) in `project`; the problems, one line each. */
async function loadEach(project, packages) {
  copyFileSync(join(root, 'scripts', 'pack-install', 'load-each.cjs'), join(project, 'load-each.js'));
  const options = { cwd: project, env: npmEnvironment() };
  const problems = [];
  for (const mode of ['require', 'import']) {
    const { stdout } = await run('node', ['--no-warnings', 'load-each.js', mode, ...packages], options);
    problems.push(...lines(stdout));
  }
  if (problems.length === 0) console.log(`${packages.length} packages load with require and with import`);
  return problems;
}

/** Runs ddd-without-sql.cjs in the project of @flama/ddd alone; the problems, one line each. */
async function dddWithoutSQL(project) {
  const problems = [];
  const installed = ['drizzle-orm', 'postgres', '@electric-sql/pglite'].filter(
    (name) => installedCopies(join(project, 'node_modules'), name).length > 0,
  );
  if (installed.length > 0) problems.push(`npm installed ${installed.join(', ')}`);
  // Copied into the project, so that it resolves packages there.
  copyFileSync(join(root, 'scripts', 'pack-install', 'ddd-without-sql.cjs'), join(project, 'worker.js'));
  const { stdout } = await run('node', ['--no-warnings', 'worker.js'], {
    cwd: project,
    env: npmEnvironment(),
  });
  const result = JSON.parse(stdout);
  const expected = {
    created: [{ id: 2, name: 'Lamp' }],
    retrieved: { id: 1, name: 'Torch' },
    notFound: true,
    database:
      'MissingSQLPackageError: The embedded PGlite database (pglite://…, the default) needs drizzle-orm and ' +
      '@electric-sql/pglite: npm install drizzle-orm @electric-sql/pglite',
  };
  for (const [key, value] of Object.entries(expected)) {
    if (JSON.stringify(result[key]) !== JSON.stringify(value)) {
      problems.push(`${key} is ${JSON.stringify(result[key])}, not ${JSON.stringify(value)}`);
    }
  }
  if (problems.length === 0)
    console.log('a Worker over an HTTPRepository works; Database.connect names what to add');
  return problems;
}

function lines(text) {
  return text.split('\n').filter(Boolean);
}

function seconds(ms) {
  return `${Math.round(ms / 1000)} s`;
}
