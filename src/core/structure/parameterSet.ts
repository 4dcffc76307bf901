// Parameter sets for folding: the built-in Turner 2004 set or a ViennaRNA `.par` file loaded at
// run time, plus a cache of the derived integer energies / Boltzmann factors per temperature.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBoltzmannParams, type BoltzmannParams } from './boltzmannParams';
import { buildEnergyParams, type EnergyParams } from './energyParams';
import { turner2004 } from './params/defaults';
import { parseParameterFile } from './params/parFile';
import type { RawParams } from './params/rawParams';

/** An energy parameter set (opaque; obtain it from defaultParameters() or loadParameterFile()). */
export interface ParameterSet {
  readonly name: string;
  readonly raw: RawParams;
}

export interface LoadedParameters {
  params: ParameterSet;
  /** non-fatal problems, e.g. the `-1i40` typo of ViennaRNA 2.7.1's rna_turner2004.par */
  warnings: string[];
}

let defaults: ParameterSet | undefined;

/** Turner 2004 (ViennaRNA's default set). */
export function defaultParameters(): ParameterSet {
  if (!defaults) defaults = { name: 'RNA - Turner 2004', raw: turner2004() };
  return defaults;
}

/**
 * Parses the text of a ViennaRNA v2.0 parameter file; sections missing from the file keep the
 * Turner 2004 values (as ViennaRNA). Throws ParameterFileError (message `name:line: ...`).
 */
export function parseParameters(text: string, name = 'parameters.par'): LoadedParameters {
  const { params, warnings } = parseParameterFile(text, name, turner2004());
  return { params: { name, raw: params }, warnings };
}

/** Loads a ViennaRNA v2.0 parameter file from disk (errors name file:line). */
export function loadParameterFile(file: string): LoadedParameters {
  return parseParameters(fs.readFileSync(file, 'utf8'), path.basename(file));
}

const energyCache = new WeakMap<RawParams, Map<number, EnergyParams>>();
const boltzmannCache = new WeakMap<RawParams, Map<number, BoltzmannParams>>();

function cached<T>(cache: WeakMap<RawParams, Map<number, T>>, raw: RawParams, t: number, build: () => T): T {
  let m = cache.get(raw);
  if (!m) cache.set(raw, (m = new Map()));
  let v = m.get(t);
  if (v === undefined) m.set(t, (v = build()));
  return v;
}

export function energyParamsFor(set: ParameterSet, temperature: number): EnergyParams {
  return cached(energyCache, set.raw, temperature, () => buildEnergyParams(set.raw, temperature));
}

export function boltzmannParamsFor(set: ParameterSet, temperature: number): BoltzmannParams {
  return cached(boltzmannCache, set.raw, temperature, () => buildBoltzmannParams(set.raw, temperature));
}
