import { writeFile } from 'node:fs/promises';
import type { z } from 'zod';
import { CliError } from './cli-error';
import type { FlamaConfig } from './flama-config';
import { modelAppDefaults } from './model-app';

/** A starting point: one model, the app's documentation settings, and where to listen. */
export const exampleConfig: z.input<typeof FlamaConfig> = {
  app: {
    ...modelAppDefaults,
    debug: false,
    models: [{ url: '/model/', path: 'model.flm', name: 'model' }],
  },
  server: { host: '127.0.0.1', port: 8000 },
};

/** Writes the example config to `file`, never over an existing file, and says what to do next. */
export async function createConfig(file: string): Promise<void> {
  const text = `${JSON.stringify(exampleConfig, null, 2)}\n`;
  await writeFile(file, text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(
      error.code === 'EEXIST'
        ? `${file} already exists; remove it or give another path.`
        : `Can't write ${file}: ${error.message}`,
    );
  });
  const start = file === 'flama.json' ? 'flama start' : `flama start ${file}`;
  console.log(
    `Created ${file}: it serves model.flm (next to it) at /model/. Edit it to suit, then run: ${start}`,
  );
}
