// What every CLI command does with its arguments first: node:util parseArgs with positionals and a
// --help / -h flag; --help prints the command's usage (and ends the command, exit status 0); a wrong number of positionals is a UserError
// (exit status 2) that says what to give, followed by the usage.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { FormatKind } from '../core/formats/records';
import { UserError } from './files';
import type { CliIO } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The two kinds of option the commands take: a value (--out DIR) and a flag (--json). */
export const STRING = { type: 'string' } as const;
export const FLAG = { type: 'boolean', default: false } as const;
const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O & typeof HELP }>>;

/** Thrown once --help has printed a command's usage: runCli ends with exit status 0. */
export class HelpPrinted extends Error {
  constructor() {
    super('help printed');
  }
}

/**
 * Parses `argv` with `options` (+ --help; then the usage is printed and HelpPrinted thrown).
 * `positionals` is the exact count, or [min, max]; `missing` is the message for another count.
 */
export function commandArgs<O extends Options>(argv: string[], io: CliIO, usage: string, options: O, positionals: number | [number, number], missing: string): Parsed<O> {
  const parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...options, ...HELP } }) as Parsed<O>;
  if ((parsed.values as { help?: boolean }).help) {
    io.out(usage + '\n');
    throw new HelpPrinted();
  }
  const [min, max] = typeof positionals === 'number' ? [positionals, positionals] : positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) throw new UserError(`${missing}\n\n${usage}`);
  return parsed;
}

/** The value of `--format` (fasta or dot-bracket; undefined: from the file name). */
export function formatOption(command: string, value: string | undefined): FormatKind | undefined {
  if (value !== undefined && value !== 'fasta' && value !== 'dot-bracket') throw new UserError(`${command}: --format must be fasta or dot-bracket, not '${value}'`);
  return value;
}
