// The built-in default parameter set (Turner 2004 as in ViennaRNA 2.7.1's rna_turner2004.par),
// rebuilt once from the compact generated data in turner2004.ts.

import { applySectionValues } from './parFile';
import { emptyRawParams, type RawParams } from './rawParams';
import { TURNER_2004_LOOPS, TURNER_2004_SECTIONS } from './turner2004';

let cached: RawParams | undefined;

/** Turner 2004 parameters (shared instance: treat as read-only). */
export function turner2004(): RawParams {
  if (!cached) {
    const p = emptyRawParams('RNA - Turner 2004');
    for (const [name, values] of Object.entries(TURNER_2004_SECTIONS)) applySectionValues(p, name, values);
    const loops = (name: string) => (TURNER_2004_LOOPS[name] ?? []).map(([seq, dG, dH]) => ({ seq, dG, dH }));
    p.triloops = loops('Triloops');
    p.tetraloops = loops('Tetraloops');
    p.hexaloops = loops('Hexaloops');
    cached = p;
  }
  return cached;
}
