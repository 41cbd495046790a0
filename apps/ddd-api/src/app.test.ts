import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '@flama/ddd';
import { describeDatabases } from '@flama/ddd/testing';
import { Validator } from '@seriousme/openapi-schema-validator';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UserRepository } from './repositories';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

/** Serves the app the way its README does (`flama run src/app.ts`), on a free port, with this DATABASE_URL. */
function serve(databaseURL: string): Promise<{ url: string; child: ChildProcess }> {
  const env = { ...process.env, DATABASE_URL: databaseURL };
  const child = spawn(bin('flama'), ['run', 'src/app.ts', '--server-port', '0'], {
    cwd: appDir,
    env,
    stdio: 'pipe',
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /serving on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ url: match[1]!, child });
    });
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`flama run exited with ${code}:\n${output}`)));
  });
}

/** `pnpm migrate`, with this DATABASE_URL. */
function migrate(databaseURL: string): Promise<{ code: number | null; output: string }> {
  const env = { ...process.env, DATABASE_URL: databaseURL };
  const child = spawn(bin('tsx'), ['src/migrate.ts'], { cwd: appDir, env, stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

async function withDatabase(url: string, use: (database: Database) => Promise<unknown>): Promise<void> {
  const database = await Database.connect(url);
  try {
    await use(database);
  } finally {
    await database.close();
  }
}

describeDatabases(
  'The ddd-api app over HTTP',
  (db) => {
    let server: { url: string; child: ChildProcess };
    const post = async (path: string, json: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(json),
      });
      const text = await response.text();
      return [response.status, text === '' ? '' : JSON.parse(text)];
    };
    const john = { name: 'John', surname: 'Doe', email: 'john@doe.com', password: '123456' };
    const credentials = { email: john.email, password: john.password };
    const wrong = { email: john.email, password: '1234567' };
    const stranger = { email: 'foo@bar.com', password: '123456' };
    const error = (status_code: number, detail: string) => ({ status_code, detail, error: 'HTTPException' });

    beforeAll(async () => {
      server = await serve(db.url);
    });

    afterAll(() => {
      server?.child.kill('SIGTERM');
    });

    it('walks the README’s curl session', async () => {
      expect(await post('/user/', john)).toEqual([200, '']);
      const inactive = error(400, 'User must be activated via /user/activate/');
      expect(await post('/user/signin/', credentials)).toEqual([400, inactive]);
      expect(await post('/user/signin/', wrong)).toEqual([401, error(401, 'Unauthorized')]);
      expect(await post('/user/signin/', stranger)).toEqual([404, error(404, 'Not Found')]);
      expect(await post('/user/activate/', wrong)).toEqual([401, error(401, 'Unauthorized')]);
      expect(await post('/user/activate/', stranger)).toEqual([404, error(404, 'Not Found')]);
      expect(await post('/user/activate/', credentials)).toEqual([200, '']);
      const user = { id: expect.any(String), name: 'John', surname: 'Doe', email: john.email, active: true };
      expect(await post('/user/signin/', credentials)).toEqual([200, user]);
      expect(await post('/user/deactivate/', wrong)).toEqual([401, error(401, 'Unauthorized')]);
      expect(await post('/user/deactivate/', stranger)).toEqual([404, error(404, 'Not Found')]);
      expect(await post('/user/deactivate/', credentials)).toEqual([200, '']);
      expect(await post('/user/signin/', credentials)).toEqual([400, inactive]);
      expect(await (await fetch(`${server.url}/`)).json()).toEqual({
        title: 'Domain-driven API',
        description: 'Domain-driven design with Flama 🔥',
        public: true,
      });
    });

    it('answers 200 to an email registered already, leaving the user as it was', async () => {
      const jane = { name: 'Jane', surname: 'Roe', email: 'jane@roe.com', password: 'secret-1' };
      expect(await post('/user/', jane)).toEqual([200, '']);
      expect(await post('/user/', { ...jane, name: 'Impostor', password: 'other-password' })).toEqual([
        200,
        '',
      ]);
      expect(await post('/user/activate/', { email: jane.email, password: 'other-password' })).toEqual([
        401,
        error(401, 'Unauthorized'),
      ]);
      expect(await post('/user/activate/', { email: jane.email, password: jane.password })).toEqual([
        200,
        '',
      ]);
      const [, signedIn] = await post('/user/signin/', { email: jane.email, password: jane.password });
      expect(signedIn).toMatchObject({ name: 'Jane', surname: 'Roe' });
      expect(signedIn).not.toHaveProperty('password');
    });

    it('answers bad input with a 400', async () => {
      const [status, body] = await post('/user/', { ...john, email: 'not-an-email', password: '1' });
      expect([status, Object.keys(body.detail)]).toEqual([400, ['email', 'password']]);
      expect((await post('/user/', { ...john, email: 'nul@doe.com', name: 'Nul\u0000' }))[0]).toBe(400);
    });

    it('publishes a valid OpenAPI 3.1 document', async () => {
      const document = (await (await fetch(`${server.url}/schema/`)).json()) as { paths: object };
      const result = await new Validator().validate(document);
      expect(result.errors ?? []).toEqual([]);
      expect(Object.keys(document.paths)).toEqual([
        '/user/',
        '/user/signin/',
        '/user/activate/',
        '/user/deactivate/',
        '/',
      ]);
    });

    if (db.kind === 'postgres') {
      it('ends 50 concurrent registrations of one email with one user and 50 answers of 200', async () => {
        const email = 'many@example.com';
        const answers = await Promise.all(
          Array.from({ length: 50 }, (_, i) => post('/user/', { ...john, name: `Twin ${i}`, email })),
        );
        expect(answers.map(([status]) => status)).toEqual(Array(50).fill(200));
        await withDatabase(db.url, async (database) =>
          expect(await new UserRepository(database.drizzle).count({ email })).toBe(1),
        );
      });
    }

    it('creates its tables with `pnpm migrate`, idempotently', async () => {
      const directory = await mkdtemp(join(tmpdir(), 'ddd-api-'));
      const url = db.kind === 'postgres' ? db.url : `pglite://${directory}`;
      // On PostgreSQL the server under test has created them: start again from nothing.
      if (db.kind === 'postgres') {
        await withDatabase(url, (database) =>
          database.drizzle.execute(sql`drop table "user", "__drizzle_migrations"`),
        );
      }
      const migrated =
        db.kind === 'postgres' ? 'Migrated PostgreSQL.\n' : `Migrated PGlite in ${directory}.\n`;
      expect(await migrate(url)).toEqual({ code: 0, output: migrated });
      expect(await migrate(url)).toEqual({ code: 0, output: migrated });
      await withDatabase(url, async (database) =>
        expect(await new UserRepository(database.drizzle).count()).toBe(0),
      );
      await rm(directory, { recursive: true, force: true });
    });
  },
  { connect: false },
);
