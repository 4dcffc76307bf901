// Where the tfjs-backend-wasm .wasm binaries are: next to the bundled job script (esbuild copies them to
// dist/), in a directory given by the caller or BASEPAIR_WASM_DIR, or in node_modules when running from
// source (tsx, tests). In Node, Emscripten reads `prefix + file` with fs.readFileSync, so a directory
// path with a trailing separator is all tfjs needs.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The binary every wasm start needs (SIMD build; Node 20+ always has wasm SIMD). */
export const WASM_SIMD_FILE = 'tfjs-backend-wasm-simd.wasm';
/** The binary of the (opt-in) threaded build. */
export const WASM_THREADED_FILE = 'tfjs-backend-wasm-threaded-simd.wasm';
/** All binaries tfjs-backend-wasm may ask for (plain, SIMD, threaded SIMD). */
export const WASM_FILES = ['tfjs-backend-wasm.wasm', WASM_SIMD_FILE, WASM_THREADED_FILE] as const;

function packageDistDir(): string | undefined {
  try {
    // Resolved at run time (not bundled): only meaningful when node_modules is present.
    const resolve = require.resolve as (id: string) => string;
    return path.dirname(resolve('@tensorflow/tfjs-backend-wasm'));
  } catch {
    return undefined;
  }
}

/** The first candidate directory that holds the SIMD binary, with a trailing separator. */
export function findWasmDir(explicit?: string): string {
  const candidates = [explicit, process.env['BASEPAIR_WASM_DIR'], __dirname, packageDistDir()];
  for (const dir of candidates) {
    if (dir && fs.existsSync(path.join(dir, WASM_SIMD_FILE))) return dir.endsWith(path.sep) ? dir : dir + path.sep;
  }
  const tried = candidates.filter((d): d is string => Boolean(d)).join(', ');
  throw new Error(`${WASM_SIMD_FILE} not found (looked in: ${tried})`);
}
