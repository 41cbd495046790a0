import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { OpenAPI3 } from 'openapi-typescript';
import { CliError } from './cli-error';
import { loadApp, type ServableApp } from './load-app';
import { importOptional } from './optional-package';

interface SchemaFlags {
  output?: string;
  types?: boolean;
}

/** `flama schema <file>[:export]`: writes the app's OpenAPI document, or its TypeScript `paths` types. */
export function schemaCommand(program: Command): Command {
  return program
    .command('schema')
    .description("Write the app's OpenAPI document without serving it (for client generation).")
    .argument('<app>', 'the app file, optionally with an export name: src/app.ts or src/app.ts:api')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .option('--types', 'write the TypeScript `paths` types of the document (needs openapi-typescript)')
    .action(async (reference: string, options: SchemaFlags) => {
      const document = openapiDocument(await loadApp(reference), reference);
      const text = options.types ? await pathTypes(document) : `${JSON.stringify(document, null, 2)}\n`;
      if (!options.output) return void process.stdout.write(text);
      await writeFile(options.output, text).catch((error: Error) => {
        throw new CliError(`Can't write ${options.output}: ${error.message}`);
      });
    });
}

function openapiDocument(app: ServableApp, reference: string): object {
  const describe = (app as { openapi?: unknown }).openapi;
  if (typeof describe !== 'function')
    throw new CliError(
      `${reference} has no OpenAPI document: flama schema needs a Flama app (one with an openapi() method).`,
    );
  return describe.call(app) as object;
}

/** openapi-typescript, an optional peer loaded only here, turns the document into `paths` types. */
async function pathTypes(document: object): Promise<string> {
  const { default: openapiTS, astToString } = await importOptional<typeof import('openapi-typescript')>(
    'openapi-typescript',
    'schema --types',
  );
  return astToString(await openapiTS(document as OpenAPI3));
}
