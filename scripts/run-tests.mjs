#!/usr/bin/env node
// `npm test`: runs every test layer in order (typecheck, layer rules, unit, build, integration, package, e2e),
// streams each step's output, keeps going after a failed step, and ends with a summary block
// (also written to test-output/summary.json). Exit code 1 if any step failed.
//   node scripts/run-tests.mjs                      all steps
//   node scripts/run-tests.mjs --only unit,e2e      a subset (names: see STEPS)
// A step whose input a failed step should have produced is skipped rather than run on stale
// output: integration needs build, e2e needs package (a stale .vsix would test old code).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const VSIX = `basepair-${pkg.version}.vsix`;

/** Local binary (node_modules/.bin) when installed, else through npx. */
function bin(name, args) {
  const local = path.join(ROOT, 'node_modules', '.bin', name);
  return fs.existsSync(local) ? [local, args] : ['npx', [name, ...args]];
}

const STEPS = [
  { name: 'typecheck', cmd: bin('tsc', ['--noEmit', '-p', '.']), kind: 'tsc' },
  // the layer rules of .dependency-cruiser.cjs (core/ pure, protocol/ a leaf, no cycles, ...)
  { name: 'layers', cmd: bin('depcruise', ['src', 'webview', '--config', '.dependency-cruiser.cjs']), kind: 'depcruise' },
  { name: 'unit', cmd: bin('mocha', []), kind: 'mocha' },
  {
    name: 'build',
    cmd: [process.execPath, ['esbuild.mjs', '--tests']],
    kind: 'plain',
    before: () => fs.rmSync(path.join(ROOT, 'dist-test'), { recursive: true, force: true }),
  },
  { name: 'integration', cmd: [process.execPath, ['dist-test/support/run-integration.js']], kind: 'mocha', needs: 'build' },
  {
    name: 'package',
    cmd: ['npm', ['run', 'package']],
    kind: 'package',
    before: () => fs.rmSync(path.join(ROOT, VSIX), { force: true }),
  },
  { name: 'e2e', cmd: bin('mocha', ['--config', 'test/e2e/.mocharc.cjs']), kind: 'mocha', needs: 'package' },
];

function usage(code) {
  console.log(`usage: node scripts/run-tests.mjs [--only ${STEPS.map((s) => s.name).join(',')}]`);
  process.exit(code);
}

function parseArgs(argv) {
  let only;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') usage(0);
    else if (a === '--only') only = argv[++i];
    else if (a.startsWith('--only=')) only = a.slice('--only='.length);
    else {
      console.error(`unknown argument: ${a}`);
      usage(2);
    }
  }
  if (only === undefined) return STEPS;
  const names = only.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !STEPS.some((s) => s.name === n));
  if (unknown.length || names.length === 0) {
    console.error(`unknown step(s): ${unknown.join(', ') || '(none given)'}`);
    usage(2);
  }
  return STEPS.filter((s) => names.includes(s.name));
}

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

/** Counts from mocha's epilogue ("  12 passing (3s)", "  1 failing", "  2 pending"); last one wins. */
function mochaCounts(output) {
  const counts = {};
  for (const line of stripAnsi(output).split('\n')) {
    let m = /^integration: (\d+) passing, (\d+) failing(?:, (\d+) pending)?/.exec(line);
    if (m) {
      counts.passing = Number(m[1]);
      counts.failing = Number(m[2]);
      counts.pending = Number(m[3] ?? 0);
      counts.final = true; // run-integration's own line is authoritative
      continue;
    }
    if (counts.final) continue;
    m = /^\s*(\d+) (passing|failing|pending)\b/.exec(line);
    if (m) {
      if (m[2] === 'passing') {
        // a new epilogue starts with "passing": reset the others
        counts.passing = Number(m[1]);
        counts.failing = 0;
        counts.pending = 0;
      } else counts[m[2]] = Number(m[1]);
    }
  }
  return counts.passing === undefined ? undefined : counts;
}

/**
 * The failures mocha listed after its last epilogue ("  1) suite\n       test:\n\n     Error: ..."),
 * as "suite › test: first line of the error", so that the summary (the tail of a CI log) says which
 * test failed and why.
 */
function mochaFailures(output) {
  const lines = stripAnsi(output).split('\n');
  let start = -1;
  lines.forEach((l, i) => {
    if (/^\s*\d+ failing\b/.test(l)) start = i;
  });
  if (start < 0) return [];
  const failures = [];
  for (let i = start + 1; i < lines.length && failures.length < 10; i++) {
    const head = /^\s{1,4}(\d+)\) (.+)$/.exec(lines[i]);
    if (!head) continue;
    const title = [head[2].trim()];
    let j = i + 1;
    for (; j < lines.length && lines[j].trim() !== ''; j++) title.push(lines[j].trim().replace(/:$/, ''));
    while (j < lines.length && lines[j].trim() === '') j++;
    const error = (lines[j] ?? '').trim().slice(0, 240);
    failures.push(`${title.join(' › ')}: ${error}`);
    i = j;
  }
  return failures;
}

function run(step) {
  const [cmd, args] = step.cmd;
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      output += d;
    });
    child.stderr.on('data', (d) => {
      process.stderr.write(d);
      output += d;
    });
    child.on('error', (e) => {
      output += String(e);
      console.error(`[run-tests] cannot start ${cmd}: ${e.message}`);
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), signal, output }));
  });
}

const fmtTime = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const steps = parseArgs(process.argv.slice(2));
  const results = [];
  let interrupted = false;
  process.on('SIGINT', () => {
    interrupted = true; // the child got the same SIGINT from the terminal; stop after it exits
  });

  for (const [i, step] of steps.entries()) {
    if (interrupted) break;
    const dep = step.needs && results.find((r) => r.name === step.needs);
    if (dep && !dep.ok) {
      results.push({ name: step.name, ok: false, status: `skipped (${step.needs} failed)`, ms: 0 });
      continue;
    }
    const [cmd, args] = step.cmd;
    const exe = cmd === process.execPath ? 'node' : path.isAbsolute(cmd) ? path.relative(ROOT, cmd) : cmd;
    const shown = [exe, ...args].join(' ');
    console.log(`\n==== [${i + 1}/${steps.length}] ${step.name}: ${shown} ====`);
    const t0 = Date.now();
    try {
      step.before?.();
    } catch (e) {
      console.error(`[run-tests] ${step.name}: preparation failed: ${e.message}`);
    }
    const { code, output } = await run(step);
    const ms = Date.now() - t0;
    let ok = code === 0;
    let status;
    if (step.kind === 'mocha') {
      const c = mochaCounts(output);
      if (c) {
        status = `${c.passing} passing, ${c.failing} failing${c.pending ? `, ${c.pending} pending` : ''}`;
        if (c.failing > 0) ok = false;
        if (!ok && c.failing === 0) status += ` (exit ${code})`;
      } else status = ok ? 'ok (no mocha summary found)' : `FAILED (exit ${code})`;
    } else if (step.kind === 'tsc') {
      const errors = (stripAnsi(output).match(/error TS\d+/g) ?? []).length;
      status = ok ? 'ok' : `FAILED (${errors ? `${errors} errors` : `exit ${code}`})`;
    } else if (step.kind === 'depcruise') {
      const m = stripAnsi(output).match(/(\d+) dependency violations|no dependency violations found \((\d+) modules, (\d+) dependencies/);
      status = ok ? `ok (${m?.[2] ?? '?'} modules, ${m?.[3] ?? '?'} imports)` : `FAILED (${m?.[1] ?? `exit ${code}`} violations)`;
    } else if (step.kind === 'package') {
      const vsix = path.join(ROOT, VSIX);
      if (ok && fs.existsSync(vsix)) status = `ok (${VSIX}, ${Math.round(fs.statSync(vsix).size / 1024)} KB)`;
      else {
        ok = false;
        status = code === 0 ? `FAILED (${VSIX} not written)` : `FAILED (exit ${code})`;
      }
    } else {
      status = ok ? 'ok' : `FAILED (exit ${code})`;
    }
    const failures = step.kind === 'mocha' && !ok ? mochaFailures(output) : [];
    results.push({ name: step.name, ok, status, ms, exitCode: code, ...(failures.length ? { failures } : {}) });
  }

  const failed = results.filter((r) => !r.ok);
  const lines = ['', '==== Basepair test summary ===='];
  for (const r of results) {
    lines.push(`${r.name.padEnd(13)} ${r.status.padEnd(34)} ${r.ms ? fmtTime(r.ms) : ''}`.trimEnd());
    for (const f of r.failures ?? []) lines.push(`  failed: ${f}`);
  }
  if (interrupted) lines.push('(interrupted)');
  lines.push(failed.length ? `FAILED: ${failed.map((r) => r.name).join(', ')}` : 'all steps passed');
  console.log(lines.join('\n'));
  try {
    const out = path.join(ROOT, 'test-output');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(
      path.join(out, 'summary.json'),
      JSON.stringify({ ok: failed.length === 0 && !interrupted, steps: results }, null, 2) + '\n',
    );
  } catch {
    /* the summary on stdout is what counts */
  }
  process.exit(failed.length || interrupted ? 1 : 0);
}

main();
