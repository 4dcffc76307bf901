// What every CLI command does with its arguments first: node:util parseArgs with positionals and a
// --help / -h flag; --help prints the command's usage; a wrong number of positionals is a UserError
// (exit status 2) that says what to give, followed by the usage.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from './files';
import type { CliIO } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O & typeof HELP }>>;

/**
 * Parses `argv` with `options` (+ --help). Returns undefined when the usage was printed (exit 0).
 * `positionals` is the exact count, or [min, max]; `missing` is the message for another count.
 */
export function commandArgs<O extends Options>(argv: string[], io: CliIO, usage: string, options: O, positionals: number | [number, number], missing: string): Parsed<O> | undefined {
  const parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...options, ...HELP } }) as Parsed<O>;
  if ((parsed.values as { help?: boolean }).help) {
    io.out(usage + '\n');
    return undefined;
  }
  const [min, max] = typeof positionals === 'number' ? [positionals, positionals] : positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) throw new UserError(`${missing}\n\n${usage}`);
  return parsed;
}
