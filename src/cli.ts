// `basepair` command line: the same core code as the language server, for pipelines and remote
// machines. Each command lives in src/cli/<command>.ts; this file only dispatches.
import { cofoldCommand } from './cli/cofold';
import { evalCommand } from './cli/eval';
import { foldCommand } from './cli/fold';
import { generateCommand } from './cli/generate';
import { lintCommand } from './cli/lint';
import { predictCommand } from './cli/predict';
import { trainCommand } from './cli/train';
import { statsCommand } from './cli/stats';
import { DataError } from './core/datasets/errors';
import { ModelFileError } from './ml/io/modelFileError';
import { UserError } from './cli/files';
import { HelpPrinted } from './cli/commandArgs';
import { processIO, type CliIO } from './cli/io';

const USAGE = `usage: basepair <command> [options]

commands:
  lint <file>...     diagnostics of FASTA / dot-bracket files (same codes as the editor)
  stats <file>...    records, lengths, GC content and alphabets of FASTA / dot-bracket files
  fold <fasta|->     MFE structures (and partition function) as RNAfold prints them
  eval <dbn|->       free energy of given structures, as RNAeval
  cofold <a> <b>     MFE of two interacting strands, as RNAcofold (or a TSV/FASTA of pairs)
  train regressor <data> --out DIR
                     train the RNA regressor; metrics beside baselines and a verdict
  train pairs <data> --out DIR
                     train the pair classifier (+ generator); metrics beside rule baselines
  predict <modelDir> <data>
                     predictions of a saved model, one per record (pair models: [{id, score}])
  generate <modelDir> -n N
                     new pairs from a pair model (sample or design mode, with constraints)

Exit status (every command): 0 done; 1 bad or unreadable input (one line per problem on stderr,
naming file:line:column); 2 bad usage; 130 stopped with Ctrl+C; 70 an internal error (a bug).
Run 'basepair <command> --help' for a command's options.`;

const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  lint: lintCommand,
  fold: foldCommand,
  eval: evalCommand,
  cofold: cofoldCommand,
  train: trainCommand,
  predict: predictCommand,
  generate: generateCommand,
  stats: statsCommand,
};

export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${process.env.BASEPAIR_VERSION ?? 'dev'}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`basepair: unknown command '${name}'\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    if (err instanceof HelpPrinted) return 0;
    if (err instanceof UserError) {
      io.err(`basepair: ${err.message}\n`);
      return 2;
    }
    // bad or unreadable input (a data file, a model directory): one line naming the file, exit 1
    if (err instanceof DataError || err instanceof ModelFileError) {
      io.err(`basepair: ${err.message}\n`);
      return 1;
    }
    // Node's parseArgs throws TypeErrors with a code for unknown or malformed options.
    const code = (err as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`basepair ${name}: ${(err as Error).message}\n`);
      return 2;
    }
    io.err(`basepair ${name}: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    return 70;
  }
}

/** Runs the command line of this process (process.argv) and sets its exit status. */
export function startCli(): void {
  // `basepair ... | head`: the reader went away; stop quietly as Unix tools do.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`basepair: ${String(err)}\n`);
      process.exitCode = 70;
    },
  );
}

if (require.main === module) startCli();
