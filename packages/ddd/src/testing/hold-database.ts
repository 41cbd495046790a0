// Opens an app with a DatabaseModule on `pglite://<argv[2]>`, prints "ready" and holds it until stdin ends:
// the other process of the directory lock tests.
import { App } from '@flama/routing';
import { DatabaseModule } from '../database/database-module';

const app = new App({ title: 'Holder', modules: [new DatabaseModule(`pglite://${process.argv[2]}`)] });
try {
  await app.startup();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', async () => {
  await app.shutdown();
  process.stdout.write('closed\n');
});
