// basepair.fold.maxLength / `fold --max-length`: the shared decision, the server features that apply
// it (Fold Sequences, structure panel data, hover) with a fake fold service, and the CLI's refusal
// that suggests --beam (exit 1) while --beam folds the same record.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import { runCli } from '../../src/cli';
import { parseFile } from '../../src/core/formats/parse';
import { DEFAULT_BEAM, DEFAULT_MAX_FOLD_LENGTH, foldLengthDecision } from '../../src/core/structure/lengthLimit';
import type { FoldSummary } from '../../src/protocol/compute';
import { foldDocument } from '../../src/server/features/foldDocument';
import { foldHoverSection } from '../../src/server/features/foldHover';
import { structureData, StructureDataError } from '../../src/server/features/structureData';
import type { FoldService } from '../../src/server/folding/foldService';
import { DEFAULT_SETTINGS, readSettings } from '../../src/server/settings';

const SHORT = 'GGGGAAAACCCC';
const LONG = 'GGGAAAUCCC'.repeat(6); // 60 nt

/** Records every fold call; answers a fixed structure. */
function fakeFolds(): { service: FoldService; calls: { sequence: string; mode: string; beam?: number }[] } {
  const calls: { sequence: string; mode: string; beam?: number }[] = [];
  const service = {
    fold(sequence: string, mode: 'mfe' | 'partition' = 'mfe', beam?: number): Promise<FoldSummary> {
      calls.push({ sequence, mode, ...(beam ? { beam } : {}) });
      return Promise.resolve({ sequence, structure: '.'.repeat(sequence.length), mfe: -1, ensemble: -1.5, pairs: [], ms: 0 });
    },
    evaluate: () => Promise.resolve({ energy: 0, warnings: [] }),
  };
  return { service: service as unknown as FoldService, calls };
}

const progress = { begin() {}, report() {}, done() {} } as unknown as WorkDoneProgressReporter;
const token = { isCancellationRequested: false } as unknown as CancellationToken;

describe('folding length limit', () => {
  it('decides exact, beam or refused, and the refusal offers the beam mode', () => {
    assert.deepEqual(foldLengthDecision(100, 100, undefined), { engine: 'exact' });
    assert.deepEqual(foldLengthDecision(101, 100, 50), { engine: 'beam', beam: 50 });
    assert.deepEqual(foldLengthDecision(50, 100, 50), { engine: 'exact' }, 'short records stay exact');
    const r = foldLengthDecision(12_345, 10_000, undefined);
    assert.equal(r.engine, 'refused');
    assert.match((r as { reason: string }).reason, /12,345 nt is above basepair\.fold\.maxLength \(10,000\).*beam mode \(beam 100/);
  });

  it('the setting defaults to the shared constant and is read live', () => {
    assert.equal(DEFAULT_SETTINGS.fold.maxLength, DEFAULT_MAX_FOLD_LENGTH);
    assert.equal(readSettings({ fold: { maxLength: 123 } }).fold.maxLength, 123);
    assert.equal(readSettings({ fold: { maxLength: 'x' } }).fold.maxLength, DEFAULT_MAX_FOLD_LENGTH);
  });

  it('Fold Sequences skips long records as tooLong, and folds them with the beam engine on request', async () => {
    const file = parseFile(`>s\n${SHORT}\n>l\n${LONG}\n`, 'fasta');
    const a = fakeFolds();
    const refused = await foldDocument(file, { uri: 'file:///x.fa' }, a.service, 50, progress, token);
    assert.ok(refused);
    assert.equal(refused.folded, 1);
    assert.equal(refused.maxLength, 50);
    assert.deepEqual(refused.skipped.map((s) => [s.id, s.tooLong]), [['l', true]]);
    assert.match(refused.skipped[0].reason, /60 nt is above basepair\.fold\.maxLength \(50\).*beam/);
    assert.deepEqual(a.calls, [{ sequence: SHORT, mode: 'mfe' }]);

    const b = fakeFolds();
    const beamed = await foldDocument(file, { uri: 'file:///x.fa', beam: DEFAULT_BEAM }, b.service, 50, progress, token);
    assert.ok(beamed);
    assert.equal(beamed.folded, 2);
    assert.equal(beamed.beamFolded, 1);
    assert.deepEqual(beamed.skipped, []);
    assert.deepEqual(b.calls, [{ sequence: SHORT, mode: 'mfe' }, { sequence: LONG, mode: 'mfe', beam: DEFAULT_BEAM }]);
  });

  it('the structure panel request refuses long records with a message offering the beam mode', async () => {
    const file = parseFile(`>l\n${LONG}\n`, 'fasta');
    const a = fakeFolds();
    await assert.rejects(
      structureData(file, { uri: 'file:///x.fa', position: { line: 1, character: 0 } }, a.service, 50),
      (e: unknown) => e instanceof StructureDataError && /Cannot fold l: 60 nt is above basepair\.fold\.maxLength \(50\).*Fold with beam 100/.test(e.message),
    );
    assert.equal(a.calls.length, 0);
    const data = await structureData(file, { uri: 'file:///x.fa', position: { line: 1, character: 0 }, beam: 100 }, a.service, 50);
    assert.equal(data?.sequence, LONG);
    assert.deepEqual(a.calls, [{ sequence: LONG, mode: 'partition', beam: 100 }]);
  });

  it('the hover says a record above the limit is not folded and names the beam mode', async () => {
    const file = parseFile(`>l\n${LONG}\n`, 'fasta');
    const a = fakeFolds();
    const note = await foldHoverSection(file, 5, a.service, 500, 50);
    assert.match(note ?? '', /Not folded: 60 nt is above `basepair\.fold\.maxLength` \(50\).*Fold with beam 100.*--beam 100/);
    assert.equal(a.calls.length, 0);
    const folded = await foldHoverSection(file, 5, a.service, 500, 100);
    assert.match(folded ?? '', /\*\*MFE\*\*/);
  });
});

describe('basepair fold --max-length', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-maxlen-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
    return { code, out, err };
  }

  it('refuses a record above the limit naming file:line and suggesting --beam, exit 1', async () => {
    const f = path.join(dir, 'two.fa');
    fs.writeFileSync(f, `>short\n${SHORT}\n>long\n${LONG}\n`);
    const r = await run(['fold', f, '--max-length', '50']);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`${f.replace(/[.\\/]/g, '\\$&')}:3:1: record 'long': 60 nt is above --max-length \\(50\\).*--beam 100`));
    assert.match(r.out, /^>short\nGGGGAAAACCCC\n\(\(\(\(\.\.\.\.\)\)\)\) \( -5\.40\)\n$/);
  });

  it('--beam folds the same record; the default limit lets ordinary records through', async () => {
    const f = path.join(dir, 'long.fa');
    fs.writeFileSync(f, `>long\n${LONG}\n`);
    const beam = await run(['fold', f, '--max-length', '50', '--beam', '100', '--json']);
    assert.equal(beam.code, 0, beam.err);
    assert.equal((JSON.parse(beam.out) as { sequence: string }[])[0].sequence, LONG);
    const dflt = await run(['fold', f]);
    assert.equal(dflt.code, 0, dflt.err);
  });

  it('rejects a malformed --max-length with exit 2', async () => {
    const f = path.join(dir, 'x.fa');
    fs.writeFileSync(f, `>x\n${SHORT}\n`);
    const r = await run(['fold', f, '--max-length', 'lots']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--max-length takes a whole number >= 1/);
  });
});
