import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError } from './cli-error';
import { collect, keyValues, splitKeyValue } from './key-values';
import { importModels } from './optional-package';

interface PackFlags {
  output: string;
  param?: string[];
  metric?: string[];
  extra?: string[];
  artifact?: string[];
  compression: string;
  id?: string;
}

const compressions = ['zstd', 'zlib', 'none'] as const;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `flama pack model.onnx -o model.flm`: packs an ONNX model with its metadata and artifacts. */
export function packCommand(program: Command): Command {
  return program
    .command('pack')
    .description('Pack an ONNX model into a .flm file with its metadata and artifacts.')
    .argument('<model>', 'the .onnx file')
    .requiredOption('-o, --output <path>', 'the .flm file to write')
    .option('--param <key=value>', 'a training parameter (repeatable; JSON values are parsed)', collect)
    .option('--metric <key=value>', 'an evaluation metric (repeatable)', collect)
    .option('--extra <key=value>', 'extra metadata, e.g. model_author=Vortico (repeatable)', collect)
    .option('--artifact <name=path>', 'a file to pack beside the model (repeatable)', collect)
    .option('--compression <codec>', `zstd (smallest), zlib (fastest to load) or none`, 'zstd')
    .option('--id <uuid>', 'the model’s id (default: a random UUID)')
    .action(async (model: string, flags: PackFlags) => {
      if (!existsSync(model)) throw new CliError(`Model file not found: ${model}`);
      const compression = compressions.find((name) => name === flags.compression);
      if (!compression) throw new CliError(`--compression must be one of ${compressions.join(', ')}.`);
      if (flags.id !== undefined && !uuid.test(flags.id))
        throw new CliError(`--id must be a UUID, not "${flags.id}".`);
      const artifacts: Record<string, string> = {};
      for (const entry of flags.artifact ?? []) {
        const [name, path] = splitKeyValue(entry, '--artifact');
        if (!existsSync(path)) throw new CliError(`Artifact file not found: ${path}`);
        artifacts[name] = path;
      }
      const { dump } = await importModels('pack');
      await dump(model, flags.output, {
        id: flags.id,
        params: keyValues(flags.param, '--param'),
        metrics: keyValues(flags.metric, '--metric'),
        extra: keyValues(flags.extra, '--extra'),
        artifacts,
        compression,
      });
      console.error(`Packed ${model} into ${flags.output}`);
    });
}
